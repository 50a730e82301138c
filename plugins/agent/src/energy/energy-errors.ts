import { OmniError } from '@omnimind/core';

/** No dock can be reached from the robot's place, so it cannot go and charge. */
export class NoReachableDock extends OmniError {
  constructor(from: string) {
    super('OMNI_ERR_ENERGY_NO_DOCK', `no dock is reachable from ${from}`, { details: { from } });
  }
}

/** No charging detour lets the plan finish with its reserve (the battery runs dry before any dock). */
export class InsufficientEnergy extends OmniError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_ENERGY_INSUFFICIENT', message, { details });
  }
}
