import type { Pose2D } from '../world/world-types.js';

/** One recorded pose: simulated seconds since the start, then the pose (metres, radians). */
export interface TrajectoryPoint {
  readonly t: number;
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** Rounds to three decimals (dividing keeps the nearest double to the decimal, unlike multiplying by 0.001). */
const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Keeps a robot's path at a reduced rate: a pose at most every `1 / hz` simulated seconds, plus the
 * last pose seen when the episode ends. Values are rounded (millisecond, millimetre, milliradian) so
 * that results stay small and compare exactly.
 */
export class TrajectoryRecorder {
  private readonly points: TrajectoryPoint[] = [];
  private nextT = 0;
  private latest: TrajectoryPoint | undefined;

  constructor(private readonly hz: number) {}

  /** Offers the pose at simulated time `t` (seconds); kept when a sample is due. */
  add(t: number, pose: Pose2D): void {
    this.latest = {
      t: round3(t),
      x: round3(pose.x),
      y: round3(pose.y),
      theta: round3(pose.theta),
    };
    if (t + 1e-9 < this.nextT) return;
    this.points.push(this.latest);
    this.nextT = t + 1 / this.hz;
  }

  /** The kept poses, ending with the latest one. */
  finish(): TrajectoryPoint[] {
    const last = this.points[this.points.length - 1];
    if (this.latest && last !== this.latest) this.points.push(this.latest);
    return this.points;
  }
}
