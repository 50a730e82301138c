import type { Pose2D } from '../../world/world-types.js';
import { sinc, wrapAngle } from '../geometry/planar-math.js';

/** How a robot body moved over one step, seen from the body. */
export interface BodyMotion {
  /** Forward arc length, metres. */
  readonly forward: number;
  /** Sideways displacement (pushed, not driven), metres. */
  readonly lateral: number;
  /** Heading change, radians. */
  readonly turn: number;
}

/**
 * The motion between two poses one step apart, read as a constant twist: the chord is split into
 * its part along the mean heading (the forward arc, undone from chord to arc length) and across it.
 */
export function bodyMotion(from: Pose2D, to: Pose2D): BodyMotion {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const turn = wrapAngle(to.theta - from.theta);
  const heading = from.theta + turn / 2;
  const c = Math.cos(heading);
  const s = Math.sin(heading);
  return {
    forward: (c * dx + s * dy) / sinc(turn / 2),
    lateral: -s * dx + c * dy,
    turn,
  };
}
