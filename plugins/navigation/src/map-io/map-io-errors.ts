import { OmniError, UserInputError, type SourceLocation } from '@omnimind/core';

/** Codes of the map file errors. */
export const MAP_IO_CODES = Object.freeze({
  /** The map YAML file cannot be read. */
  YAML_NOT_FOUND: 'OMNI_ERR_MAP_YAML_NOT_FOUND',
  /** The map YAML file is not valid YAML. */
  YAML_SYNTAX: 'OMNI_ERR_MAP_YAML_SYNTAX',
  /** The map YAML file has a missing, unknown or out-of-range field. */
  YAML_INVALID: 'OMNI_ERR_MAP_YAML_INVALID',
  /** The image named by the map YAML cannot be read. */
  IMAGE_NOT_FOUND: 'OMNI_ERR_MAP_IMAGE_NOT_FOUND',
  /** The image is not a well-formed PGM or PNG. */
  IMAGE_INVALID: 'OMNI_ERR_MAP_IMAGE_INVALID',
  /** The image is of a format other than PGM or PNG. */
  IMAGE_UNSUPPORTED: 'OMNI_ERR_MAP_IMAGE_UNSUPPORTED',
});

/** A map image that is missing, malformed or of an unsupported format. */
export class MapImageError extends UserInputError {}

/** Writing a map's files failed. */
export class MapSaveError extends OmniError {
  constructor(message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super('OMNI_ERR_MAP_SAVE_FAILED', message, options);
  }
}

/** An error in an image file, placed at `location` when the problem is in its text header. */
export function imageError(code: string, message: string, location?: SourceLocation, cause?: unknown): MapImageError {
  return new MapImageError(code, message, location, cause === undefined ? {} : { cause });
}
