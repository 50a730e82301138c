import { UserInputError, type SourceLocation } from '@omnimind/core';

/** Codes of the vision nodes' parameter errors. */
export const VISION_NODE_CODES = Object.freeze({
  /** `image_folder_source`: the `folder` parameter names no folder. */
  FOLDER_NOT_FOUND: 'OMNI_ERR_VISION_FOLDER_NOT_FOUND',
  /** `image_folder_source`: the folder holds no PNG, JPEG or WebP file. */
  FOLDER_EMPTY: 'OMNI_ERR_VISION_FOLDER_EMPTY',
});

/**
 * Vision node parameters that pass the schema but do not point at something usable (a folder that
 * is missing or holds no image). Thrown by the plugins' `validate`, so the launch stops before
 * anything starts.
 *
 * @example
 * ```ts
 * try {
 *   await host.load(nodes);
 * } catch (error) {
 *   if (hasErrorCode(error, VISION_NODE_CODES.FOLDER_EMPTY)) console.error(error.message);
 * }
 * ```
 */
export class VisionNodeParamsError extends UserInputError {
  constructor(code: string, message: string, location?: SourceLocation, details: Record<string, unknown> = {}) {
    super(code, message, location, { details });
  }
}
