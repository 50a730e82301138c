import type { OdometryDescription } from '@omnimind/robots';
import type { OdometryReading } from '../engine-types.js';
import type { Pose2D } from '../../world/world-types.js';
import { advanceOnArc } from '../geometry/planar-math.js';
import type { SeededRandom } from '../random/seeded-random.js';

/** Below this much motion in a step (metres or radians) the encoders do not tick, so no noise. */
const STILL = 1e-9;

/**
 * Dead reckoning from the wheels. The wheels turn by the body's motion divided by (1 − slip): the
 * slipped fraction moves the wheels but not the robot, so odometry overestimates distance and turn.
 * Each step adds Gaussian noise to the measured velocities while the wheels turn. The odometry
 * frame starts at the spawn pose (it coincides with the world frame until it drifts).
 *
 * Sideways motion is integrated too, although real encoders would miss it: the physics engine keeps
 * positions in single precision, so every step carries a tiny sideways component that, left out,
 * would make even noise-free odometry drift. Without a random source (noise off) the estimate
 * follows the true motion exactly.
 */
export class WheelOdometry {
  readonly #description: OdometryDescription;
  readonly #random: SeededRandom | undefined;
  #pose: Pose2D;
  #linear = 0;
  #angular = 0;

  constructor(description: OdometryDescription, start: Pose2D, random: SeededRandom | undefined) {
    this.#description = description;
    this.#random = random;
    this.#pose = start;
  }

  /**
   * Integrates one step in which the body moved `forward` metres along its mean heading, `lateral`
   * metres across it, and turned `turn` radians.
   */
  update(forward: number, lateral: number, turn: number, dtSeconds: number): void {
    let linear = forward / dtSeconds;
    let angular = turn / dtSeconds;
    let across = lateral;
    const random = this.#random;
    if (random !== undefined && (Math.abs(forward) > STILL || Math.abs(turn) > STILL)) {
      const wheelGain = 1 / (1 - Math.min(0.99, Math.max(0, this.#description.slip)));
      linear = linear * wheelGain + random.normal(this.#description.linearNoiseStd);
      angular = angular * wheelGain + random.normal(this.#description.angularNoiseStd);
      across *= wheelGain;
    }
    this.#linear = linear;
    this.#angular = angular;
    const moved = advanceOnArc(this.#pose, linear * dtSeconds, angular * dtSeconds);
    if (across === 0) {
      this.#pose = moved;
      return;
    }
    const heading = this.#pose.theta + (angular * dtSeconds) / 2;
    this.#pose = {
      x: moved.x - Math.sin(heading) * across,
      y: moved.y + Math.cos(heading) * across,
      theta: moved.theta,
    };
  }

  /** The current estimate. */
  reading(): OdometryReading {
    return { pose: this.#pose, twist: { linear: this.#linear, angular: this.#angular } };
  }
}
