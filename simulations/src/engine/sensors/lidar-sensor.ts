import type { LidarDescription } from '@omnimind/robots';
import type { Pose2D } from '../../world/world-types.js';
import { mountedRay, type FrameOffset } from '../geometry/frame-offsets.js';
import type { SceneRayCaster } from '../raycast/scene-ray-caster.js';
import type { SeededRandom } from '../random/seeded-random.js';

/**
 * Angle between consecutive lidar rays. A span shorter than a full turn includes both ends
 * (`samples - 1` gaps); a full turn has `samples` gaps, so the last ray does not repeat the first.
 */
export function lidarAngleIncrement(description: LidarDescription): number {
  const span = description.angleMax - description.angleMin;
  if (description.samples <= 1) return 0;
  return span < 2 * Math.PI - 1e-9 ? span / (description.samples - 1) : span / description.samples;
}

/**
 * A planar scanning lidar: one ray per sample from the lidar frame, against every wall, obstacle,
 * object and other robot (not its own robot or what that robot carries). Ranges get Gaussian
 * noise; as REP-117 says, a range below `rangeMin` reads `-Infinity` (too close to measure) and a
 * range above `rangeMax`, or no return, reads `Infinity`.
 */
export class LidarSensor {
  readonly #description: LidarDescription;
  readonly #mount: FrameOffset;
  readonly #random: SeededRandom | undefined;
  /** Ray directions in the lidar frame. */
  readonly #cos: Float64Array;
  readonly #sin: Float64Array;

  constructor(description: LidarDescription, mount: FrameOffset, random: SeededRandom | undefined) {
    this.#description = description;
    this.#mount = mount;
    this.#random = random;
    const n = Math.max(0, Math.floor(description.samples));
    const increment = lidarAngleIncrement(description);
    this.#cos = new Float64Array(n);
    this.#sin = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const angle = description.angleMin + i * increment;
      this.#cos[i] = Math.cos(angle);
      this.#sin[i] = Math.sin(angle);
    }
  }

  /** A fresh scan for a robot at `robotPose`; `excludeKey` is the robot's own ray-caster key. */
  scan(caster: SceneRayCaster, robotPose: Pose2D, excludeKey: number): Float32Array {
    const d = this.#description;
    const { x: ox, y: oy, cos: hc, sin: hs } = mountedRay(robotPose, this.#mount);
    const random = this.#random;
    const ranges = new Float32Array(this.#cos.length);
    caster.prepare(ox, oy, d.rangeMax, excludeKey);
    for (let i = 0; i < ranges.length; i++) {
      const lc = this.#cos[i]!;
      const ls = this.#sin[i]!;
      let range = caster.cast(ox, oy, hc * lc - hs * ls, hs * lc + hc * ls, 0, d.rangeMax);
      if (range !== Infinity && random !== undefined) range += random.normal(d.rangeNoiseStd);
      ranges[i] = range < d.rangeMin ? -Infinity : range > d.rangeMax ? Infinity : range;
    }
    return ranges;
  }
}
