import { UserInputError, type SourceLocation } from '@omnimind/core';

/** Codes of the mapper plugin's errors (map file errors keep the codes of the map loader). */
export const MAPPER_CODES = Object.freeze({
  /** `mode: static` without a `map_file`. */
  MAP_FILE_REQUIRED: 'OMNI_ERR_MAPPER_MAP_FILE_REQUIRED',
  /** Map bounds or costmap parameters that cannot describe a grid or a costmap. */
  INVALID_PARAMS: 'OMNI_ERR_MAPPER_INVALID_PARAMS',
});

/** Mapper parameters that are each well-typed but do not make a usable map or costmap together. */
export class MapperParamsError extends UserInputError {
  constructor(code: string, message: string, location?: SourceLocation, details: Record<string, unknown> = {}) {
    super(code, message, location, { details });
  }
}
