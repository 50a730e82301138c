import { OmniError } from '@omnimind/core';

/** Base of the errors a robot skill ends with; `skill` names the skill (`navigateTo`, `grasp`, ...). */
export class SkillError extends OmniError {
  constructor(
    code: string,
    /** The skill that ended with this error. */
    readonly skill: string,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, { cause: options.cause, details: { skill, ...options.details } });
  }
}

/**
 * The skill was stopped through its `AbortSignal` before it finished. Whatever it had started
 * (an action goal, velocity commands) was cancelled or zeroed first; the signal's reason is the `cause`.
 */
export class SkillCancelled extends SkillError {
  constructor(skill: string, reason?: unknown) {
    super('OMNI_ERR_SKILL_CANCELLED', skill, `skill ${skill} was cancelled`, { cause: reason });
  }
}

/** The skill ran but could not do what it was asked; `cause` is the underlying failure when there is one. */
export class SkillFailed extends SkillError {
  constructor(skill: string, reason: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super('OMNI_ERR_SKILL_FAILED', skill, `skill ${skill} failed: ${reason}`, options);
  }
}
