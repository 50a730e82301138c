import { normalizeAngle } from '@omnimind/core';
import { SkillFailed } from './skill-errors.js';
import { twist } from './skill-loop.js';
import {
  asPartOf,
  checkNotAborted,
  checkNumber,
  checkObjectId,
  checkPoint,
  clampMagnitude,
  distanceBetween,
  driveTo,
  face,
  knownObject,
  objectInSight,
  reverse,
  type SkillRuntime,
} from './skill-runtime.js';
import type { PlanarTarget, PushOptions } from './skill-types.js';

/** Free space between the robot and the object at the pre-push pose, metres. */
const PUSH_CLEARANCE = 0.15;
/**
 * Turn rates per radian (1/s) while touching. The object travels with the robot's front along its
 * heading but slides sideways along the round front, so the robot both keeps it centred and heads
 * it for the target; tuned on the simulator's 0.1 m boxes.
 */
const CENTRE_GAIN = 1.5;
const TARGET_GAIN = 1.5;
const MAX_PUSH_TURN = 0.5;
const APPROACH_GAIN = 2;
/** The front counts as touching the object this far beyond the assumed radii, metres. */
const CONTACT_SLACK = 0.02;
/** The object counts as lost when not seen for this long while pushing, clock milliseconds. */
const LOST_SIGHT_MS = 2000;
/** Older sightings than this stop the push and turn the robot towards where the object was last seen, clock milliseconds. */
const REACQUIRE_MS = 300;
/** The object counts as off course once it is this much farther from the target than it has been, metres. */
const OFF_COURSE = 0.25;
const BACK_OFF_SPEED = 0.1;
const LINE_UP_SPEED = 0.08;

/**
 * Pushes an object along the floor with the robot's front: navigates to a pre-push pose behind the
 * object on the line from `to` through it, lines up on that pose on `cmd_vel`, faces `to`, then
 * drives forward steering so the object stays on the front and heads for `to` (closed loop on its
 * perceived pose) until it is within `tolerance` of `to`, and backs off. Out of view for a moment,
 * the robot stands and turns towards where it last saw the object.
 */
export async function pushObject(
  rt: SkillRuntime,
  objectId: string,
  to: PlanarTarget,
  options: PushOptions = {},
): Promise<void> {
  const skill = 'push';
  const { signal, onProgress } = options;
  const tolerance = options.tolerance ?? 0.2;
  const objectRadius = options.objectRadius ?? 0.1;
  const speed = options.speed ?? 0.1;
  const maxLateralError = options.maxLateralError ?? 0.12;
  const backOff = options.backOff ?? 0.3;
  const timeoutMs = options.timeoutMs ?? 90_000;
  checkObjectId(skill, objectId);
  checkPoint(skill, 'to', to);
  for (const [what, value] of Object.entries({ tolerance, objectRadius, speed, maxLateralError, timeoutMs })) {
    checkNumber(skill, what, value, true);
  }
  checkNumber(skill, 'backOff', backOff);
  checkNotAborted(skill, signal);

  const known = knownObject(rt, skill, objectId);
  if (known.heldBy !== undefined) throw new SkillFailed(skill, `object '${objectId}' is held by '${known.heldBy}'`);
  const object = known.pose;
  const along = distanceBetween(object, to);
  if (along <= tolerance) return;
  const deadline = rt.clock.nowMs() + timeoutMs;
  const awayX = (object.x - to.x) / along;
  const awayY = (object.y - to.y) / along;
  const standoff = objectRadius + rt.geometry.robotRadius + PUSH_CLEARANCE;
  const prePush = {
    x: object.x + awayX * standoff,
    y: object.y + awayY * standoff,
    theta: Math.atan2(-awayY, -awayX),
  };
  onProgress?.({ skill, phase: 'navigating' });
  await asPartOf(
    skill,
    rt.navigateTo(prePush, {
      signal,
      onProgress: (p) => {
        if (p.skill === 'navigateTo')
          onProgress?.({ skill, phase: 'navigating', distanceRemaining: p.distanceRemaining });
      },
    }),
  );
  onProgress?.({ skill, phase: 'facing' });
  // The navigator stops within its goal tolerance; a push needs the robot on the line behind the object.
  await driveTo(rt, skill, prePush, LINE_UP_SPEED, signal);
  await asPartOf(skill, face(rt, to, signal));
  await objectInSight(rt, skill, objectId, signal);

  const bumper = rt.bumper();
  const start = await rt.poseWatch.first(skill, signal);
  let closest = Infinity;
  await rt.loop.drive(skill, signal, Math.max(0, deadline - rt.clock.nowMs()), () => {
    const contact = bumper.unexpectedContact([objectId]);
    if (contact !== undefined) throw new SkillFailed(skill, `bumped into '${contact}' while pushing '${objectId}'`);
    if (rt.sightings.ageMs(objectId) > LOST_SIGHT_MS) throw new SkillFailed(skill, `lost sight of '${objectId}'`);
    const pose = rt.poseWatch.pose ?? start;
    const now = rt.sightings.get(objectId)!.sighting.pose;
    const objectToTarget = distanceBetween(now, to);
    if (objectToTarget <= tolerance) return undefined;
    closest = Math.min(closest, objectToTarget);
    if (objectToTarget > closest + OFF_COURSE) {
      throw new SkillFailed(
        skill,
        `'${objectId}' slipped away: it is moving off course, ${objectToTarget.toFixed(2)} m from the target after ${closest.toFixed(2)} m at the closest`,
        { details: { object_id: objectId, objectToTarget, closest } },
      );
    }
    onProgress?.({ skill, phase: 'pushing', objectToTarget });
    const dx = now.x - pose.x;
    const dy = now.y - pose.y;
    const forward = Math.cos(pose.theta) * dx + Math.sin(pose.theta) * dy;
    const lateral = -Math.sin(pose.theta) * dx + Math.cos(pose.theta) * dy;
    if (forward <= 0 || Math.abs(lateral) > maxLateralError) {
      throw new SkillFailed(
        skill,
        `'${objectId}' slipped away: ${Math.abs(lateral).toFixed(2)} m off the robot's front (limit ${maxLateralError} m)`,
        { details: { object_id: objectId, lateral } },
      );
    }
    const offCentre = Math.atan2(lateral, forward);
    // Out of view (slid off to the side of the front): stand and turn towards where it was seen.
    if (rt.sightings.ageMs(objectId) > REACQUIRE_MS)
      return twist(0, clampMagnitude(CENTRE_GAIN * offCentre, MAX_PUSH_TURN));
    // Until the front touches the object, drive at it; then head the object for the target.
    const touching = forward <= rt.geometry.robotRadius + objectRadius + CONTACT_SLACK;
    const targetError = normalizeAngle(Math.atan2(to.y - now.y, to.x - now.x) - pose.theta);
    const angular = touching ? CENTRE_GAIN * offCentre + TARGET_GAIN * targetError : APPROACH_GAIN * offCentre;
    return twist(speed, clampMagnitude(angular, MAX_PUSH_TURN));
  });
  onProgress?.({ skill, phase: 'backingOff' });
  await reverse(rt, skill, backOff, BACK_OFF_SPEED, signal);
}
