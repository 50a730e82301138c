import { isMap, isSeq, parseDocument } from 'yaml';
import { WorldErrorCode } from '../world/world-errors.js';
import type { Pose2D } from '../world/world-types.js';

/** World errors that mean a start pose is not free: another pose may be. */
export const BLOCKED_START_CODES: readonly string[] = [
  WorldErrorCode.SpawnBlocked,
  WorldErrorCode.SpawnsTooClose,
  WorldErrorCode.OutOfBounds,
];

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * A pose as a world file holds it (micrometres, microdegrees): a start written into a world copy
 * and read back by the simulator is exactly this pose.
 */
export function asWritten(pose: Pose2D): Pose2D {
  return { x: round6(pose.x), y: round6(pose.y), theta: (round6((pose.theta * 180) / Math.PI) * Math.PI) / 180 };
}

/** World file text with the named spawns' poses replaced; comments and layout are kept. */
export function worldWithStarts(text: string, starts: Readonly<Record<string, Pose2D>>): string {
  const doc = parseDocument(text);
  const spawns = doc.get('spawns');
  if (isSeq(spawns)) {
    for (const item of spawns.items) {
      if (!isMap(item)) continue;
      const pose = starts[String(item.get('name'))];
      if (!pose) continue;
      const thetaDeg = round6((pose.theta * 180) / Math.PI);
      item.set('pose', doc.createNode({ x: round6(pose.x), y: round6(pose.y), theta_deg: thetaDeg }, { flow: true }));
    }
  }
  return doc.toString();
}
