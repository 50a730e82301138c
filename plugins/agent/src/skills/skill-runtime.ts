import { normalizeAngle, type Clock } from '@omnimind/core';
import type { ObjectPerception, ObjectSighting } from '../perception/object-perception.js';
import type { BumperWatch } from './bumper-watch.js';
import type { PlanarPose } from './pose-watch.js';
import type { PoseWatch } from './pose-watch.js';
import type { SightingLog } from './sighting-log.js';
import { SkillCancelled, SkillError, SkillFailed } from './skill-errors.js';
import { twist, type SkillLoop } from './skill-loop.js';
import type { PlanarTarget, SkillOptions } from './skill-types.js';

/** The robot's size, as the manipulation skills need it. */
export interface RobotGeometry {
  /** Radius of the circular footprint, metres. */
  readonly robotRadius: number;
  /** Gripper point ahead of the base, metres. */
  readonly gripperOffset: number;
  /** Gripper reach from its point to an object's edge, metres. */
  readonly gripperReach: number;
}

/** What the perception and manipulation skills run on: the robot's pose, perception, motion and basic skills. */
export interface SkillRuntime {
  readonly clock: Clock;
  readonly loop: SkillLoop;
  readonly poseWatch: PoseWatch;
  readonly perception: ObjectPerception;
  readonly sightings: SightingLog;
  readonly geometry: RobotGeometry;
  /** Yaw tolerance of turns, radians. */
  readonly rotateTolerance: number;
  /** The bumper, followed from the first call on. */
  bumper(): BumperWatch;
  rotate(angleRad: number, options?: SkillOptions): Promise<void>;
  navigateTo(pose: PlanarPose, options?: SkillOptions): Promise<void>;
  grasp(objectId?: string, options?: SkillOptions): Promise<string>;
  release(options?: SkillOptions): Promise<string>;
  wait(seconds: number, options?: SkillOptions): Promise<void>;
}

/** Longest a sighting may be old for a skill to treat the object as in sight, clock milliseconds. */
const FRESH_SIGHTING_MS = 500;

/** Throws `SkillFailed` for `skill` unless `value` is a finite number (and > 0 when `positive`). */
export function checkNumber(skill: string, what: string, value: number, positive = false): void {
  if (!Number.isFinite(value) || (positive && value <= 0)) {
    const expected = positive ? 'a finite number > 0' : 'a finite number';
    throw new SkillFailed(skill, `${what} must be ${expected}, got ${value}`);
  }
}

/** Throws `SkillFailed` for `skill` unless `point` has finite coordinates. */
export function checkPoint(skill: string, what: string, point: PlanarTarget): void {
  checkNumber(skill, `${what}.x`, point.x);
  checkNumber(skill, `${what}.y`, point.y);
}

/** Throws `SkillFailed` unless `objectId` is a non-empty string. */
export function checkObjectId(skill: string, objectId: string): void {
  if (typeof objectId !== 'string' || objectId === '') {
    throw new SkillFailed(skill, `the object id must be a non-empty string, got ${JSON.stringify(objectId)}`);
  }
}

/** Throws `SkillCancelled` when `signal` is already aborted. */
export function checkNotAborted(skill: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SkillCancelled(skill, signal.reason);
}

/** Angle from the robot's heading to `point`, in (-π, π]. */
export function bearingTo(pose: PlanarPose, point: PlanarTarget): number {
  return normalizeAngle(Math.atan2(point.y - pose.y, point.x - pose.x) - pose.theta);
}

/** Euclidean distance between two points, metres. */
export function distanceBetween(a: PlanarTarget, b: PlanarTarget): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** `value` clamped to [-limit, limit]. */
export function clampMagnitude(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/** The object's latest sighting, whenever it was; `SkillFailed` when the robot has never seen it. */
export function knownObject(rt: SkillRuntime, skill: string, objectId: string): ObjectSighting {
  const logged = rt.sightings.get(objectId);
  if (!logged) {
    throw new SkillFailed(skill, `object '${objectId}' has not been seen (observe first, or check the id)`, {
      details: { object_id: objectId },
    });
  }
  return logged.sighting;
}

/**
 * Resolves with the object's sighting once it is in sight (seen within the last half second),
 * waiting up to `waitMs` of the clock; `SkillFailed` "object not in sight" otherwise.
 */
export async function objectInSight(
  rt: SkillRuntime,
  skill: string,
  objectId: string,
  signal: AbortSignal | undefined,
  waitMs = 1000,
): Promise<ObjectSighting> {
  if (rt.sightings.ageMs(objectId) > FRESH_SIGHTING_MS) {
    await rt.loop
      .poll(skill, signal, waitMs, undefined, () => rt.sightings.ageMs(objectId) <= FRESH_SIGHTING_MS)
      .catch((error: unknown) => {
        if (error instanceof SkillCancelled) throw error;
        throw new SkillFailed(skill, `object '${objectId}' not in sight`, { details: { object_id: objectId } });
      });
  }
  return rt.sightings.get(objectId)!.sighting;
}

/** Turns in place to face `point` (no turn when already within the rotate tolerance). */
export async function face(rt: SkillRuntime, point: PlanarTarget, signal: AbortSignal | undefined): Promise<void> {
  const pose = await rt.poseWatch.first('face', signal);
  const angle = bearingTo(pose, point);
  if (Math.abs(angle) > rt.rotateTolerance) await rt.rotate(angle, { signal });
}

/** Drives straight backwards at `speed` until the robot has moved `distance` metres. */
export async function reverse(
  rt: SkillRuntime,
  skill: string,
  distance: number,
  speed: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (distance <= 0) return;
  const start = await rt.poseWatch.first(skill, signal);
  const timeoutMs = (distance / speed) * 3000 + 2000;
  await rt.loop.drive(skill, signal, timeoutMs, () => {
    const now = rt.poseWatch.pose ?? start;
    return distanceBetween(now, start) >= distance ? undefined : twist(-speed, 0);
  });
}

/**
 * Runs a sub-skill (rotate, navigateTo, grasp, ...) as part of `skill`: its cancellation and failure
 * are reported as `skill`'s, with the sub-skill's error as the cause.
 */
export async function asPartOf<T>(skill: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof SkillError) || error.skill === skill) throw error;
    if (error instanceof SkillCancelled) throw new SkillCancelled(skill, error.cause);
    const { skill: part, ...details } = error.details;
    throw new SkillFailed(skill, error.message.replace(/^skill /, ''), { cause: error, details: { ...details, part } });
  }
}

/** Closer than this to a point counts as there, metres. */
const AT_POINT = 0.015;

/**
 * Drives in a straight line to a nearby `point` on `cmd_vel` (turn to it, then forward, steering at
 * it) — for short, precise moves the navigator's goal tolerance is too coarse for.
 */
export async function driveTo(
  rt: SkillRuntime,
  skill: string,
  point: PlanarTarget,
  speed: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const start = await rt.poseWatch.first(skill, signal);
  if (distanceBetween(start, point) <= AT_POINT) return;
  await asPartOf(skill, face(rt, point, signal));
  let closest = Infinity;
  const timeoutMs = (distanceBetween(start, point) / speed) * 3000 + 2000;
  await rt.loop.drive(skill, signal, timeoutMs, () => {
    const pose = rt.poseWatch.pose ?? start;
    const left = distanceBetween(pose, point);
    // Stop at the point, or where it is passed (the closest approach).
    if (left <= AT_POINT || left > closest + 0.005) return undefined;
    closest = Math.min(closest, left);
    const bearing = bearingTo(pose, point);
    return twist(
      Math.min(speed, Math.max(0.02, left)) * Math.max(0, Math.cos(bearing)),
      clampMagnitude(2 * bearing, 0.5),
    );
  });
}
