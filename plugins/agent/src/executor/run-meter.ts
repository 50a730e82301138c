import type { RunTotals } from './mission-summary.js';

/**
 * Measures a run as the summary reports it: distance from successive poses, energy from drops of the
 * battery's state of charge (charging gives nothing back), collisions as rising edges of the bumper.
 */
export class RunMeter {
  private distance = 0;
  private energy = 0;
  private collisionCount = 0;
  private lastPose: { x: number; y: number } | undefined;
  private lastCharge: number | undefined;
  private pressed = false;
  private battery: number | undefined;

  constructor(
    private readonly capacityWh: number,
    private readonly startMs: number,
  ) {}

  pose(x: number, y: number): void {
    if (this.lastPose) this.distance += Math.hypot(x - this.lastPose.x, y - this.lastPose.y);
    this.lastPose = { x, y };
  }

  charge(fraction: number): void {
    if (this.lastCharge !== undefined && fraction < this.lastCharge) {
      this.energy += (this.lastCharge - fraction) * this.capacityWh;
    }
    this.lastCharge = fraction;
    this.battery = fraction;
  }

  bumper(pressed: boolean): void {
    if (pressed && !this.pressed) this.collisionCount += 1;
    this.pressed = pressed;
  }

  totals(nowMs: number): RunTotals {
    return {
      elapsedS: (nowMs - this.startMs) / 1000,
      distanceM: this.distance,
      energyWh: this.energy,
      batteryFraction: this.battery,
      collisions: this.collisionCount,
    };
  }
}
