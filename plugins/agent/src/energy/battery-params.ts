import { OmniError } from '@omnimind/core';
import { z } from 'zod';

/**
 * The electrical description of a robot's battery, with the same field names as the robot
 * description the simulator reads (`battery:` in `robot.yaml`, camel-cased), so one object serves both.
 */
export interface BatteryParams {
  /** Capacity in ampere-hours. */
  readonly capacityAh: number;
  /** Nominal voltage, volts; energy is counted at this voltage. */
  readonly nominalVoltage: number;
  /** Draw of the electronics while on, amperes. */
  readonly idleCurrent: number;
  /** Extra draw per m/s of linear speed, amperes. */
  readonly currentPerLinearSpeed: number;
  /** Extra draw per rad/s of turning, amperes. */
  readonly currentPerAngularSpeed: number;
  /** Charging current on a dock, amperes. */
  readonly chargeCurrent: number;
}

/** Zod schema of {@link BatteryParams}; extra fields (e.g. `initialCharge`) are ignored. */
export const batteryParamsSchema = z.object({
  capacityAh: z.number().positive().finite(),
  nominalVoltage: z.number().positive().finite(),
  idleCurrent: z.number().nonnegative().finite(),
  currentPerLinearSpeed: z.number().nonnegative().finite(),
  currentPerAngularSpeed: z.number().nonnegative().finite(),
  chargeCurrent: z.number().positive().finite(),
});

/** The battery parameters are out of range (a capacity, voltage or charge current not above zero, a negative current). */
export class InvalidBatteryParams extends OmniError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_ENERGY_INVALID_BATTERY', message, { details });
  }
}

/**
 * Checks `input` against {@link batteryParamsSchema}.
 *
 * @throws {@link InvalidBatteryParams} naming the first bad field.
 */
export function parseBatteryParams(input: unknown): BatteryParams {
  const result = batteryParamsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new InvalidBatteryParams(`invalid battery parameter ${field || '(root)'}: ${issue?.message ?? 'invalid'}`, {
    field,
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
