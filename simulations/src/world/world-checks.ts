import type { DataPath, LocatedYaml } from '@omnimind/core';
import { WorldErrorCode } from './world-errors.js';
import { formatPoint, raiseAt } from './world-problem.js';
import type { WorldFile } from './world-schema.js';
import type { Vec2, Wall, World } from './world-types.js';

/**
 * Ids of walls, obstacles, objects and docks share one namespace (contact reports name any of
 * them); spawn names must differ from each other and from those ids (robots appear there too).
 */
export function checkUniqueNames(source: LocatedYaml, file: WorldFile): void {
  const seen = new Map<string, DataPath>();
  const claim = (name: string, at: DataPath, what: string): void => {
    const earlier = seen.get(name);
    if (earlier) {
      const first = source.locate(earlier);
      raiseAt(
        source,
        WorldErrorCode.Duplicate,
        at,
        `duplicate ${what} '${name}': already used on line ${first.line}, column ${first.col}; expected unique names`,
      );
    }
    seen.set(name, at);
  };
  for (const list of ['walls', 'obstacles', 'objects', 'docks'] as const)
    file[list].forEach((item, i) => {
      if (item.id !== undefined) claim(item.id, [list, i, 'id'], 'id');
    });
  file.spawns.forEach((spawn, i) => claim(spawn.name, ['spawns', i, 'name'], 'robot name'));
}

/** Every wall segment has a length: two equal consecutive points make no wall. */
export function checkWalls(source: LocatedYaml, walls: readonly Wall[]): void {
  walls.forEach((wall, w) => {
    for (let i = 0; i + 1 < wall.points.length; i++) {
      const a = wall.points[i] as Vec2;
      const b = wall.points[i + 1] as Vec2;
      if (a.x === b.x && a.y === b.y)
        raiseAt(
          source,
          WorldErrorCode.Geometry,
          ['walls', w, 'points', i + 1],
          `wall segment points[${i}]→points[${i + 1}] has no length (both ${formatPoint(a)}); expected distinct consecutive points`,
        );
    }
  });
}

/** True when `p` lies within the bounds, shrunk by `margin` on every side. */
export function insideBounds(p: Vec2, bounds: World['bounds'], margin = 0): boolean {
  return (
    p.x - margin >= bounds.min.x &&
    p.x + margin <= bounds.max.x &&
    p.y - margin >= bounds.min.y &&
    p.y + margin <= bounds.max.y
  );
}

/** Formats bounds for a message: `[minx, miny]..[maxx, maxy]`. */
export function formatBounds(bounds: World['bounds']): string {
  return `[${bounds.min.x}, ${bounds.min.y}]..[${bounds.max.x}, ${bounds.max.y}]`;
}

/** Docks, places and the centres of movable objects lie within the bounds. */
export function checkBounds(source: LocatedYaml, world: World): void {
  const outside = (what: string, p: Vec2, at: DataPath): void => {
    if (!insideBounds(p, world.bounds))
      raiseAt(
        source,
        WorldErrorCode.OutOfBounds,
        at,
        `${what} at ${formatPoint(p)} is outside the bounds ${formatBounds(world.bounds)}; expected a position within them`,
      );
  };
  world.docks.forEach((dock, i) => outside(`dock '${dock.id}'`, dock.pose, ['docks', i, 'pose']));
  for (const [name, pose] of Object.entries(world.places)) outside(`place '${name}'`, pose, ['places', name]);
  world.objects.forEach((object, i) => outside(`object '${object.id}'`, object.pose, ['objects', i, 'pose']));
}
