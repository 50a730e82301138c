import { normalizeAngle } from '@omnimind/core';
import { approachObject } from './approach-skill.js';
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
  reverse,
  type SkillRuntime,
} from './skill-runtime.js';
import type { PlanarTarget, PullOptions } from './skill-types.js';

const STEER_GAIN = 2;
const MAX_PULL_TURN = 0.6;
/** The held object counts as lost when not seen for this long, clock milliseconds. */
const LOST_SIGHT_MS = 1000;

/**
 * Pulls an object by its handle: approaches and grasps it, turns so the robot's back faces `to`,
 * drives backwards on `cmd_vel` steering so the held object heads for `to` until it is within
 * `tolerance`, releases it and backs away. On failure or cancellation after the grasp the object
 * stays in the gripper.
 */
export async function pullObject(
  rt: SkillRuntime,
  objectId: string,
  to: PlanarTarget,
  options: PullOptions = {},
): Promise<void> {
  const skill = 'pull';
  const { signal, onProgress } = options;
  const tolerance = options.tolerance ?? 0.2;
  const objectRadius = options.objectRadius ?? 0.1;
  const speed = options.speed ?? 0.08;
  const backAway = options.backAway ?? 0.3;
  const timeoutMs = options.timeoutMs ?? 90_000;
  checkObjectId(skill, objectId);
  checkPoint(skill, 'to', to);
  for (const [what, value] of Object.entries({ tolerance, speed, timeoutMs })) checkNumber(skill, what, value, true);
  checkNumber(skill, 'objectRadius', objectRadius);
  checkNumber(skill, 'backAway', backAway);
  checkNotAborted(skill, signal);
  const deadline = rt.clock.nowMs() + timeoutMs;

  onProgress?.({ skill, phase: 'approaching' });
  await asPartOf(skill, approachObject(rt, objectId, { signal, objectRadius }));
  onProgress?.({ skill, phase: 'grasping' });
  await asPartOf(skill, rt.grasp(objectId, { signal }));

  onProgress?.({ skill, phase: 'turning' });
  const grasped = await rt.poseWatch.first(skill, signal);
  // Turning in place swings the held object about the base, so the heading that puts it on the
  // line to `to` is the one pointing from `to` through the base.
  const heading = Math.atan2(grasped.y - to.y, grasped.x - to.x);
  const turn = normalizeAngle(heading - grasped.theta);
  if (Math.abs(turn) > rt.rotateTolerance) await asPartOf(skill, rt.rotate(turn, { signal }));

  const bumper = rt.bumper();
  await rt.loop.drive(skill, signal, Math.max(0, deadline - rt.clock.nowMs()), () => {
    const contact = bumper.unexpectedContact([objectId]);
    if (contact !== undefined) throw new SkillFailed(skill, `bumped into '${contact}' while pulling '${objectId}'`);
    if (rt.sightings.ageMs(objectId) > LOST_SIGHT_MS) throw new SkillFailed(skill, `lost sight of '${objectId}'`);
    const pose = rt.poseWatch.pose ?? grasped;
    const object = rt.sightings.get(objectId)!.sighting.pose;
    const objectToTarget = distanceBetween(object, to);
    if (objectToTarget <= tolerance) return undefined;
    onProgress?.({ skill, phase: 'pulling', objectToTarget });
    const wanted = Math.atan2(object.y - to.y, object.x - to.x);
    return twist(-speed, clampMagnitude(STEER_GAIN * normalizeAngle(wanted - pose.theta), MAX_PULL_TURN));
  });
  onProgress?.({ skill, phase: 'releasing' });
  await asPartOf(skill, rt.release({ signal }));
  onProgress?.({ skill, phase: 'backingAway' });
  await reverse(rt, skill, backAway, speed, signal);
}
