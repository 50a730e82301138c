import type { BatteryParams } from './battery-params.js';
import { parseBatteryParams } from './battery-params.js';

/**
 * How a step of a plan uses the motors: for `durationS` seconds, constant speeds. Charging steps
 * draw nothing and put `chargeCurrent` into the battery.
 */
export interface MotionProfile {
  /** Seconds the step lasts. */
  readonly durationS: number;
  /** Linear speed during the step, m/s (0 when standing). */
  readonly linearSpeed: number;
  /** Turning speed during the step, rad/s (0 when not turning). */
  readonly angularSpeed: number;
  /**
   * Multiplies the speed-dependent current: pushing or pulling a load makes the motors work harder
   * (1 = free driving).
   */
  readonly loadFactor: number;
  /** True for a step spent charging on a dock. */
  readonly charging: boolean;
}

/** A profile of standing still (idle draw only) for `durationS` seconds. */
export function idleProfile(durationS: number): MotionProfile {
  return { durationS, linearSpeed: 0, angularSpeed: 0, loadFactor: 1, charging: false };
}

/**
 * Energy bookkeeping of a battery, in watt-hours at the nominal voltage, following the simulator's
 * coulomb counting: draw = idle + k_lin·|v|·load + k_ang·|ω| amperes; charging adds `chargeCurrent`.
 *
 * @example
 * const model = new EnergyModel({ capacityAh: 1.8, nominalVoltage: 11.1, idleCurrent: 0.7,
 *   currentPerLinearSpeed: 2, currentPerAngularSpeed: 0.3, chargeCurrent: 1.8 });
 * model.capacityWh; // 19.98
 * model.profileEnergyWh({ durationS: 20, linearSpeed: 0.5, angularSpeed: 0, loadFactor: 1, charging: false });
 * // 11.1 V × 1.7 A × 20 s / 3600 ≈ 0.1048 Wh
 */
export class EnergyModel {
  /** The validated parameters. */
  readonly params: BatteryParams;

  constructor(params: BatteryParams) {
    this.params = parseBatteryParams(params);
  }

  /** Energy of a full battery, Wh. */
  get capacityWh(): number {
    return this.params.capacityAh * this.params.nominalVoltage;
  }

  /** Power drawn while standing still, W. */
  get idlePowerW(): number {
    return this.params.idleCurrent * this.params.nominalVoltage;
  }

  /** Power put into the battery while charging, W. */
  get chargePowerW(): number {
    return this.params.chargeCurrent * this.params.nominalVoltage;
  }

  /** Current drawn while moving with the given speeds, A. */
  drawCurrent(linearSpeed: number, angularSpeed: number, loadFactor = 1): number {
    const p = this.params;
    return (
      p.idleCurrent +
      p.currentPerLinearSpeed * Math.abs(linearSpeed) * loadFactor +
      p.currentPerAngularSpeed * Math.abs(angularSpeed)
    );
  }

  /** Energy a non-charging step takes out of the battery, Wh (0 for a charging step). */
  profileEnergyWh(profile: MotionProfile): number {
    if (profile.charging) return 0;
    const current = this.drawCurrent(profile.linearSpeed, profile.angularSpeed, profile.loadFactor);
    return (current * this.params.nominalVoltage * profile.durationS) / 3600;
  }

  /** Energy to drive `distanceM` metres at `speed` m/s, Wh. */
  travelEnergyWh(distanceM: number, speed: number, loadFactor = 1): number {
    if (distanceM === 0) return 0;
    return this.profileEnergyWh({
      durationS: distanceM / speed,
      linearSpeed: speed,
      angularSpeed: 0,
      loadFactor,
      charging: false,
    });
  }

  /** Energy to turn `angleRad` at `angularSpeed` rad/s, Wh. */
  turnEnergyWh(angleRad: number, angularSpeed: number): number {
    if (angleRad === 0) return 0;
    return this.profileEnergyWh({
      durationS: Math.abs(angleRad) / angularSpeed,
      linearSpeed: 0,
      angularSpeed,
      loadFactor: 1,
      charging: false,
    });
  }

  /** Energy of standing still for `seconds`, Wh. */
  idleEnergyWh(seconds: number): number {
    return (this.idlePowerW * seconds) / 3600;
  }

  /** Seconds to charge from `fromWh` to `toWh` (default full); 0 when already there. */
  chargeTimeS(fromWh: number, toWh = this.capacityWh): number {
    return (Math.max(0, Math.min(toWh, this.capacityWh) - fromWh) * 3600) / this.chargePowerW;
  }

  /** Battery level after charging `seconds` from `fromWh`, capped at the capacity, Wh. */
  chargedWh(fromWh: number, seconds: number): number {
    return Math.min(this.capacityWh, fromWh + (this.chargePowerW * seconds) / 3600);
  }

  /** `energyWh` as a fraction (0–1) of the capacity. */
  fraction(energyWh: number): number {
    return energyWh / this.capacityWh;
  }
}
