import type { Clock, Timer } from '@omnimind/core';

/** What the pacer drives. */
export interface PacedStepper {
  /** Length of one step in simulated milliseconds. */
  readonly stepMs: number;
  /** Advances one step. */
  step(): void;
}

/** Longest run of steps between two turns of the event loop, in CPU (performance) milliseconds. */
const SLICE_MS = 10;
/** Most steps between two turns of the event loop, whatever the time they take. */
const SLICE_STEPS = 1000;

/**
 * Runs a fixed-step simulation against the wall clock: at a real-time factor (simulated seconds
 * per wall second), or as fast as possible (factor 0). It works in short slices and yields to the
 * event loop between them, so the process stays responsive. A simulation that cannot keep up runs
 * as fast as it can and does not try to catch up later (no bursts).
 */
export class SimPacer {
  private running = false;
  private timer: Timer | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private anchorWallMs = 0;
  private anchorSteps = 0;
  private steps = 0;
  private factor: number;
  private measuredFromWallMs = 0;
  private measuredFromSteps = 0;

  constructor(
    private readonly stepper: PacedStepper,
    private readonly wallClock: Clock,
    realTimeFactor: number,
  ) {
    this.factor = realTimeFactor;
  }

  /** Starts (or resumes) stepping. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.rebase();
    this.measuredFromWallMs = this.wallClock.nowMs();
    this.measuredFromSteps = this.steps;
    this.slice();
  }

  /** Stops stepping; `start` resumes from where it stopped. */
  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
  }

  /** Changes the real-time factor from now on. */
  setRealTimeFactor(factor: number): void {
    this.factor = factor;
    this.rebase();
  }

  /** Simulated seconds per wall second since the last call (or since start). */
  measureRealTimeFactor(): number {
    const now = this.wallClock.nowMs();
    const wall = now - this.measuredFromWallMs;
    const simulated = (this.steps - this.measuredFromSteps) * this.stepper.stepMs;
    this.measuredFromWallMs = now;
    this.measuredFromSteps = this.steps;
    return wall > 0 ? simulated / wall : 0;
  }

  private rebase(): void {
    this.anchorWallMs = this.wallClock.nowMs();
    this.anchorSteps = this.steps;
  }

  private slice(): void {
    this.timer = undefined;
    this.immediate = undefined;
    if (!this.running) return;
    // The slice budget is about sharing the event loop, so it is measured in real CPU time, not on
    // the (possibly virtual) wall clock that paces the simulation.
    const sliceEnd = performance.now() + SLICE_MS;
    const sliceLastStep = this.steps + SLICE_STEPS;
    const sliceOver = () => performance.now() >= sliceEnd || this.steps >= sliceLastStep;
    if (this.factor === 0) {
      while (this.running && !sliceOver()) this.advance();
      if (this.running) this.immediate = setImmediate(() => this.slice());
      return;
    }
    const dueSteps = () =>
      this.anchorSteps + Math.floor(((this.wallClock.nowMs() - this.anchorWallMs) * this.factor) / this.stepper.stepMs);
    while (this.running && this.steps < dueSteps()) {
      this.advance();
      if (sliceOver()) {
        // Behind schedule: do not accumulate a debt to be paid in a burst later.
        this.rebase();
        break;
      }
    }
    if (!this.running) return;
    const nextWallMs = this.anchorWallMs + ((this.steps + 1 - this.anchorSteps) * this.stepper.stepMs) / this.factor;
    this.timer = this.wallClock.setTimeout(Math.max(0, nextWallMs - this.wallClock.nowMs()), () => this.slice());
  }

  private advance(): void {
    this.steps += 1;
    this.stepper.step();
  }
}
