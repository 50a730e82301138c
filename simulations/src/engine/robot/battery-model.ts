import type { BatteryDescription } from '@omnimind/robots';
import type { BatteryReading } from '../engine-types.js';

/** Voltage of an empty and of a full battery, as fractions of the nominal voltage. */
export const EMPTY_VOLTAGE_FRACTION = 0.85;
export const FULL_VOLTAGE_FRACTION = 1.05;
/** A robot charges on a dock only when slower than these (m/s, rad/s). */
export const DOCKED_LINEAR_SPEED = 0.01;
export const DOCKED_ANGULAR_SPEED = 0.05;

/**
 * Coulomb counting: discharge by the idle current plus currents proportional to the driven speeds;
 * charge at `chargeCurrent` on a dock while nearly stopped. Voltage rises linearly with charge from
 * 0.85× nominal (empty) to 1.05× (full). An empty battery delivers nothing (current 0).
 */
export class BatteryModel {
  readonly #description: BatteryDescription;
  #charge: number;
  #current = 0;
  #charging = false;

  constructor(description: BatteryDescription) {
    this.#description = description;
    this.#charge = clamp01(description.initialCharge);
  }

  /** True while the battery can power the motors. */
  get hasCharge(): boolean {
    return this.#charge > 0;
  }

  /** Sets the state of charge (0–1) at once, as a test fixture would swap the battery. */
  setCharge(charge: number): void {
    this.#charge = charge;
  }

  /**
   * Advances by one step during which the motors drove `linear` m/s and `angular` rad/s;
   * `onDock` when the robot's centre is within a dock's radius.
   */
  update(dtSeconds: number, linear: number, angular: number, onDock: boolean): void {
    const d = this.#description;
    const capacityAs = d.capacityAh * 3600;
    const docked = onDock && Math.abs(linear) < DOCKED_LINEAR_SPEED && Math.abs(angular) < DOCKED_ANGULAR_SPEED;
    if (docked && this.#charge < 1) {
      this.#charging = true;
      this.#current = d.chargeCurrent;
      this.#charge = Math.min(1, this.#charge + (d.chargeCurrent * dtSeconds) / capacityAs);
      return;
    }
    this.#charging = false;
    if (docked || this.#charge <= 0) {
      // Full on a dock (the dock powers the robot) or empty: no current through the battery.
      this.#current = 0;
      return;
    }
    const draw =
      d.idleCurrent + d.currentPerLinearSpeed * Math.abs(linear) + d.currentPerAngularSpeed * Math.abs(angular);
    this.#current = -draw;
    this.#charge = Math.max(0, this.#charge - (draw * dtSeconds) / capacityAs);
  }

  /** The state now. */
  reading(): BatteryReading {
    const fraction = EMPTY_VOLTAGE_FRACTION + (FULL_VOLTAGE_FRACTION - EMPTY_VOLTAGE_FRACTION) * this.#charge;
    return {
      charge: this.#charge,
      voltage: this.#description.nominalVoltage * fraction,
      current: this.#current,
      charging: this.#charging,
    };
  }
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}
