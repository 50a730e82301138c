import { OmniError } from '@omnimind/core';

/** Base of the mapping errors. */
export class MappingError extends OmniError {}

/** Grid mapping parameters that cannot describe a grid (non-positive resolution, empty size, ...). */
export class InvalidMappingParams extends MappingError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_MAPPING_INVALID_PARAMS', message, { details });
  }
}

/** A laser scan whose geometry cannot be used (non-finite angles, negative limits). */
export class InvalidScan extends MappingError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_MAPPING_INVALID_SCAN', message, { details });
  }
}
