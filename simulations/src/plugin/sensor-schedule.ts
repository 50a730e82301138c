/**
 * Decides which periodic outputs are due at each physics step, in simulated time. Periods are
 * rounded to whole steps so that a 10 Hz sensor on a 100 Hz simulation fires every 10th step exactly.
 */
export class SensorSchedule {
  private readonly entries: { everySteps: number; publish: () => void }[] = [];

  constructor(private readonly stepMs: number) {}

  /** Calls `publish` every `1000 / rateHz` ms of simulated time (at least every step). */
  every(rateHz: number, publish: () => void): void {
    this.entries.push({ everySteps: Math.max(1, Math.round(1000 / rateHz / this.stepMs)), publish });
  }

  /** Runs what is due at step number `step` (steps count from 1). */
  run(step: number): void {
    for (const entry of this.entries) if (step % entry.everySteps === 0) entry.publish();
  }
}
