import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
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

/**
 * World file text with the named spawns' poses replaced, and the poses of the movable objects
 * `objects` gives by position in the file's `objects` list (ids may be generated, so not by id);
 * comments and layout are kept.
 */
export function worldWithStarts(
  text: string,
  starts: Readonly<Record<string, Pose2D>>,
  objects: ReadonlyMap<number, Pose2D> = new Map(),
): string {
  const doc = parseDocument(text);
  const replace = (list: string, poseOf: (item: YAMLMap, index: number) => Pose2D | undefined): void => {
    const items = doc.get(list);
    if (!isSeq(items)) return;
    items.items.forEach((item, index) => {
      if (!isMap(item)) return;
      const pose = poseOf(item, index);
      if (!pose) return;
      const thetaDeg = round6((pose.theta * 180) / Math.PI);
      item.set('pose', doc.createNode({ x: round6(pose.x), y: round6(pose.y), theta_deg: thetaDeg }, { flow: true }));
    });
  };
  replace('spawns', (item) => starts[String(item.get('name'))]);
  replace('objects', (_item, index) => objects.get(index));
  return doc.toString();
}
