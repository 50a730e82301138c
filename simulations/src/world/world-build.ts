import path from 'node:path';
import type { LocatedYaml } from '@omnimind/core';
import { IdAllocator } from './id-allocator.js';
import { checkBounds, checkUniqueNames, checkWalls } from './world-checks.js';
import { toColor, toPose, toShape, toVec2 } from './world-convert.js';
import {
  DEFAULT_DOCK_RADIUS,
  DEFAULT_OBJECT_FRICTION,
  DEFAULT_OBJECT_MASS,
  DEFAULT_WALL_THICKNESS,
  type WorldFile,
} from './world-schema.js';
import type { ChargingDock, MovableObject, Pose2D, StaticObstacle, Wall, World } from './world-types.js';

/** Default floor colour: `light_grey`. */
export const DEFAULT_FLOOR_COLOR = 'light_grey';
/** Default sky colour: `sky`. */
export const DEFAULT_SKY_COLOR = 'sky';
/** Default colour of walls, obstacles and objects: `grey`. */
export const DEFAULT_ENTITY_COLOR = 'grey';

/**
 * Turns a schema-valid world file into a {@link World}: degrees to radians, colour names to RGB,
 * generated ids, and the checks that need the whole file (geometry, unique names, bounds).
 * Robot-specific checks (robot types, spawn placement) are left to the caller.
 */
export function buildWorld(source: LocatedYaml, file: WorldFile): World {
  const ids = new IdAllocator(
    [file.walls, file.obstacles, file.objects, file.docks].flatMap((list) =>
      list.flatMap((item) => (item.id === undefined ? [] : [item.id])),
    ),
  );
  checkUniqueNames(source, file);

  const walls: Wall[] = file.walls.map((wall, i) => ({
    id: wall.id ?? ids.next('wall'),
    points: wall.points.map(toVec2),
    thickness: wall.thickness ?? DEFAULT_WALL_THICKNESS,
    color: toColor(source, wall.color, DEFAULT_ENTITY_COLOR, ['walls', i, 'color']).rgb,
  }));
  checkWalls(source, walls);

  const obstacles: StaticObstacle[] = file.obstacles.map((obstacle, i) => {
    const label = obstacle.label ?? 'obstacle';
    return {
      id: obstacle.id ?? ids.next(label),
      shape: toShape(source, obstacle, ['obstacles', i]),
      pose: toPose(obstacle.pose),
      color: toColor(source, obstacle.color, DEFAULT_ENTITY_COLOR, ['obstacles', i, 'color']).rgb,
      label,
    };
  });

  const objects: MovableObject[] = file.objects.map((object, i) => {
    const color = toColor(source, object.color, DEFAULT_ENTITY_COLOR, ['objects', i, 'color']);
    const label = object.label ?? (object.shape === 'circle' ? 'ball' : 'box');
    return {
      id: object.id ?? ids.next(`${color.name}_${label}`),
      shape: toShape(source, object, ['objects', i]),
      pose: toPose(object.pose),
      mass: object.mass ?? DEFAULT_OBJECT_MASS,
      friction: object.friction ?? DEFAULT_OBJECT_FRICTION,
      label,
      color: color.rgb,
      colorName: color.name,
      graspable: object.graspable ?? true,
    };
  });

  const docks: ChargingDock[] = file.docks.map((dock) => ({
    id: dock.id ?? ids.next('dock'),
    pose: toPose(dock.pose),
    radius: dock.radius ?? DEFAULT_DOCK_RADIUS,
  }));

  // fromEntries defines own properties, so even a place called `__proto__` stays a place.
  const places: Record<string, Pose2D> = Object.fromEntries(
    Object.entries(file.places).map(([name, pose]) => [name, toPose(pose)]),
  );

  const world: World = {
    name: file.name ?? path.basename(source.file).replace(/\.ya?ml$/i, ''),
    description: file.description ?? '',
    file: source.file,
    bounds: { min: toVec2(file.bounds.min), max: toVec2(file.bounds.max) },
    floorColor: toColor(source, file.floor_color, DEFAULT_FLOOR_COLOR, ['floor_color']).rgb,
    skyColor: toColor(source, file.sky_color, DEFAULT_SKY_COLOR, ['sky_color']).rgb,
    walls,
    obstacles,
    objects,
    docks,
    places,
    spawns: file.spawns.map((spawn) => ({ name: spawn.name, robot: spawn.robot, pose: toPose(spawn.pose) })),
  };
  checkBounds(source, world);
  return world;
}
