import { OmniError } from '@omnimind/core';

/** Base of the navigator's failures; `resultCode` is the `NavigateToPose` result `error_code`. */
export class NavigatorError extends OmniError {
  constructor(
    code: string,
    message: string,
    /** The `error_code` of the `NavigateToPose` result this failure reports. */
    readonly resultCode: number,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, {
      ...options,
      details: { ...options.details, result: { error_code: resultCode, error_msg: message } },
    });
  }

  /** The `NavigateToPose` result this failure stands for (`error_code`, `error_msg`). */
  get result(): { error_code: number; error_msg: string } {
    return { error_code: this.resultCode, error_msg: this.message };
  }
}

/** A goal ended without reaching the pose; `cause` holds the planner's or controller's error. */
export class NavigationFailed extends NavigatorError {
  constructor(resultCode: number, message: string, cause?: unknown) {
    super('OMNI_ERR_NAVIGATOR_FAILED', message, resultCode, { cause });
  }
}

/** No map or no robot pose arrived within the input timeout. */
export class NavigatorInputsMissing extends NavigatorError {
  constructor(missing: readonly string[], timeoutS: number, resultCode: number) {
    super(
      'OMNI_ERR_NAVIGATOR_NO_INPUT',
      `navigator: no ${missing.join(' and no ')} received within ${timeoutS} s`,
      resultCode,
      { details: { missing, timeoutS } },
    );
  }
}
