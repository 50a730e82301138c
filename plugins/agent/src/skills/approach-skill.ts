import { SkillFailed } from './skill-errors.js';
import { twist } from './skill-loop.js';
import {
  asPartOf,
  bearingTo,
  checkNotAborted,
  checkNumber,
  checkObjectId,
  clampMagnitude,
  distanceBetween,
  face,
  objectInSight,
  type SkillRuntime,
} from './skill-runtime.js';
import type { ApproachOptions } from './skill-types.js';

/** Fastest creep the approach allows, m/s: slow enough to stop within a few millimetres. */
export const MAX_APPROACH_SPEED = 0.08;
/** Creeping stops turning and only steers when the object is more than this off the heading, radians. */
const REALIGN_ANGLE = 0.3;
const STEER_GAIN = 2;
const MAX_STEER = 0.6;
/** Slowest creep near the stop point, m/s (below it the drive stalls). */
const MIN_CREEP_SPEED = 0.02;

/**
 * Final approach for grasping: the object must be in sight and within `maxDistance`; the robot
 * turns to face it and creeps forward on `cmd_vel`, steering at it, until the gripper point is
 * within `reach − margin` of the object's (assumed) edge, then stops.
 */
export async function approachObject(rt: SkillRuntime, objectId: string, options: ApproachOptions = {}): Promise<void> {
  const skill = 'approach';
  const { signal, onProgress } = options;
  const objectRadius = options.objectRadius ?? 0.1;
  const margin = options.margin ?? 0.08;
  const maxDistance = options.maxDistance ?? 1;
  const speed = options.speed ?? 0.06;
  const timeoutMs = options.timeoutMs ?? 30_000;
  checkObjectId(skill, objectId);
  checkNumber(skill, 'objectRadius', objectRadius);
  checkNumber(skill, 'margin', margin);
  checkNumber(skill, 'maxDistance', maxDistance, true);
  checkNumber(skill, 'speed', speed, true);
  checkNumber(skill, 'timeoutMs', timeoutMs, true);
  const { gripperOffset, gripperReach } = rt.geometry;
  if (speed > MAX_APPROACH_SPEED) {
    throw new SkillFailed(skill, `speed must be at most ${MAX_APPROACH_SPEED} m/s, got ${speed}`);
  }
  if (objectRadius < 0 || margin < 0 || margin >= gripperReach) {
    throw new SkillFailed(
      skill,
      `objectRadius must be >= 0 and margin in [0, ${gripperReach}) m, got ${objectRadius} and ${margin}`,
    );
  }
  checkNotAborted(skill, signal);

  const seen = await objectInSight(rt, skill, objectId, signal);
  if (seen.heldBy !== undefined) throw new SkillFailed(skill, `object '${objectId}' is held by '${seen.heldBy}'`);
  const start = await rt.poseWatch.first(skill, signal);
  const distance = distanceBetween(start, seen.pose);
  if (distance > maxDistance) {
    throw new SkillFailed(
      skill,
      `object '${objectId}' is ${distance.toFixed(2)} m away, farther than the approach limit of ${maxDistance} m`,
      { details: { object_id: objectId, distance } },
    );
  }
  onProgress?.({ skill, phase: 'facing' });
  await asPartOf(skill, face(rt, seen.pose, signal));

  const bumper = rt.bumper();
  const stopGap = gripperReach - margin;
  await rt.loop.drive(skill, signal, timeoutMs, () => {
    const contact = bumper.unexpectedContact([objectId]);
    if (contact !== undefined) throw new SkillFailed(skill, `bumped into '${contact}' on the way to '${objectId}'`);
    const pose = rt.poseWatch.pose ?? start;
    const object = rt.sightings.get(objectId)?.sighting.pose ?? seen.pose;
    const tip = {
      x: pose.x + gripperOffset * Math.cos(pose.theta),
      y: pose.y + gripperOffset * Math.sin(pose.theta),
    };
    const left = distanceBetween(tip, object) - objectRadius - stopGap;
    if (left <= 0) return undefined;
    onProgress?.({ skill, phase: 'creeping', distanceRemaining: left });
    const bearing = bearingTo(pose, object);
    const linear = Math.abs(bearing) > REALIGN_ANGLE ? 0 : Math.min(speed, Math.max(MIN_CREEP_SPEED, left));
    return twist(linear, clampMagnitude(STEER_GAIN * bearing, MAX_STEER));
  });
}
