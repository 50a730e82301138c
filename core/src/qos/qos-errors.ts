import { OmniError } from '../errors/omni-error.js';

/** Raised for a QoS preset name that is not one of {@link QOS_PRESETS}. */
export class UnknownQosPresetError extends OmniError {
  constructor(name: string, known: readonly string[]) {
    super('OMNI_ERR_QOS_UNKNOWN_PRESET', `unknown QoS preset '${name}' (expected one of: ${known.join(', ')})`, {
      details: { name, known },
    });
  }
}

/** Raised for a QoS setting with a value outside its policy's domain. */
export class InvalidQosError extends OmniError {
  constructor(field: string, value: unknown, expected: string) {
    super('OMNI_ERR_QOS_INVALID', `invalid QoS ${field}: ${JSON.stringify(value)} (expected ${expected})`, {
      details: { field, value, expected },
    });
  }
}
