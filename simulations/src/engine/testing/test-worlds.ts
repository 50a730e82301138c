import type { Rgb } from '@omnimind/robots';
import type { MovableObject, Pose2D, SpawnPoint, StaticObstacle, Vec2, Wall, World } from '../../world/world-types.js';

/** Colours used by the test worlds. */
export const TEST_COLORS = {
  wall: [200, 200, 200],
  red: [220, 30, 30],
  green: [30, 180, 60],
  blue: [30, 60, 220],
  yellow: [230, 200, 40],
  brown: [140, 90, 50],
  floor: [110, 110, 110],
  sky: [170, 200, 240],
} as const satisfies Record<string, Rgb>;

/** A world with nothing in it, `parts` filled in over empty defaults. */
export function testWorld(parts: Partial<World> = {}): World {
  return {
    name: 'test',
    description: 'A world built in code',
    file: 'test world (built in code)',
    bounds: { min: { x: -10, y: -10 }, max: { x: 10, y: 10 } },
    floorColor: TEST_COLORS.floor,
    skyColor: TEST_COLORS.sky,
    walls: [],
    obstacles: [],
    objects: [],
    docks: [],
    places: {},
    spawns: [],
    ...parts,
  };
}

/** A spawn point. */
export function spawnAt(name: string, robot: string, pose: Pose2D): SpawnPoint {
  return { name, robot, pose };
}

/** A closed wall around the axis-aligned rectangle `min`–`max` (wall centre lines on its edges). */
export function boxWall(id: string, min: Vec2, max: Vec2, thickness: number, color: Rgb = TEST_COLORS.wall): Wall {
  return {
    id,
    thickness,
    color,
    points: [
      { x: min.x, y: min.y },
      { x: max.x, y: min.y },
      { x: max.x, y: max.y },
      { x: min.x, y: max.y },
      { x: min.x, y: min.y },
    ],
  };
}

/**
 * A square room centred on the origin: wall centre lines at ±`halfSize`, so the inner faces are at
 * ±(`halfSize` − `thickness`/2).
 */
export function squareRoomWorld(
  options: { halfSize?: number; thickness?: number; spawns?: SpawnPoint[]; color?: Rgb } = {},
): World {
  const h = options.halfSize ?? 2;
  const t = options.thickness ?? 0.1;
  return testWorld({
    name: 'square_room',
    bounds: { min: { x: -h - t, y: -h - t }, max: { x: h + t, y: h + t } },
    walls: [boxWall('room', { x: -h, y: -h }, { x: h, y: h }, t, options.color)],
    spawns: options.spawns ?? [],
  });
}

/** A movable object with test defaults (a 0.1 m red graspable box of 0.2 kg). */
export function testObject(id: string, pose: Pose2D, parts: Partial<MovableObject> = {}): MovableObject {
  return {
    id,
    shape: { kind: 'box', width: 0.1, height: 0.1 },
    pose,
    mass: 0.2,
    friction: 0.5,
    label: 'box',
    color: TEST_COLORS.red,
    colorName: 'red',
    graspable: true,
    ...parts,
  };
}

function obstacle(id: string, shape: StaticObstacle['shape'], pose: Pose2D, color: Rgb, label: string): StaticObstacle {
  return { id, shape, pose, color, label };
}

/**
 * A 12 × 8 m office: outer walls, two inner walls with doorways, desks, a round table, an L-shaped
 * cabinet (a concave polygon), boxes to push and carry, a dock, and robot `robot1` of type `type`.
 */
export function officeWorld(type = 'turtlebot_like'): World {
  const t = 0.1;
  return testWorld({
    name: 'office',
    bounds: { min: { x: -0.2, y: -0.2 }, max: { x: 12.2, y: 8.2 } },
    walls: [
      boxWall('outer', { x: 0, y: 0 }, { x: 12, y: 8 }, t),
      {
        id: 'partition_south',
        points: [
          { x: 6, y: 0 },
          { x: 6, y: 3.2 },
        ],
        thickness: t,
        color: TEST_COLORS.wall,
      },
      {
        id: 'partition_north',
        points: [
          { x: 6, y: 4.2 },
          { x: 6, y: 8 },
        ],
        thickness: t,
        color: TEST_COLORS.wall,
      },
      {
        id: 'corridor_west',
        points: [
          { x: 0, y: 4 },
          { x: 2.5, y: 4 },
        ],
        thickness: t,
        color: TEST_COLORS.wall,
      },
      {
        id: 'corridor_east',
        points: [
          { x: 3.5, y: 4 },
          { x: 6, y: 4 },
        ],
        thickness: t,
        color: TEST_COLORS.wall,
      },
    ],
    obstacles: [
      obstacle(
        'desk_1',
        { kind: 'box', width: 1.2, height: 0.6 },
        { x: 2, y: 6.8, theta: 0 },
        TEST_COLORS.brown,
        'desk',
      ),
      obstacle('desk_2', { kind: 'box', width: 1.2, height: 0.6 }, { x: 9, y: 1, theta: 0 }, TEST_COLORS.brown, 'desk'),
      obstacle(
        'desk_3',
        { kind: 'box', width: 0.6, height: 1.2 },
        { x: 11.2, y: 5, theta: 0.1 },
        TEST_COLORS.brown,
        'desk',
      ),
      obstacle('table', { kind: 'circle', radius: 0.5 }, { x: 9, y: 5.5, theta: 0 }, TEST_COLORS.yellow, 'table'),
      obstacle(
        'cabinet',
        {
          kind: 'polygon',
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 0 },
            { x: 1, y: 0.3 },
            { x: 0.3, y: 0.3 },
            { x: 0.3, y: 1 },
            { x: 0, y: 1 },
          ],
        },
        { x: 4.5, y: 5, theta: 0 },
        TEST_COLORS.green,
        'cabinet',
      ),
    ],
    objects: [
      testObject('red_box', { x: 3, y: 2, theta: 0 }),
      testObject('blue_box', { x: 8, y: 3, theta: 0.3 }, { color: TEST_COLORS.blue, colorName: 'blue' }),
      testObject(
        'ball',
        { x: 4, y: 1.5, theta: 0 },
        { shape: { kind: 'circle', radius: 0.08 }, label: 'ball', colorName: 'green', color: TEST_COLORS.green },
      ),
      testObject(
        'crate',
        { x: 10, y: 7, theta: 0 },
        {
          shape: { kind: 'box', width: 0.5, height: 0.4 },
          mass: 8,
          graspable: false,
          color: TEST_COLORS.brown,
          colorName: 'brown',
          label: 'crate',
        },
      ),
    ],
    docks: [{ id: 'dock', pose: { x: 0.6, y: 0.6, theta: 0 }, radius: 0.3 }],
    places: { desk_1: { x: 2, y: 6, theta: 0 }, kitchen: { x: 9, y: 6.5, theta: 0 } },
    spawns: [spawnAt('robot1', type, { x: 1.5, y: 2, theta: 0 })],
  });
}

/**
 * A 24 × 16 m warehouse: four rows of five shelves, pallets and small boxes, and `robots` robots of
 * type `type` named `robot1`, `robot2`, … side by side along the south aisle.
 */
export function warehouseWorld(robots = 10, type = 'turtlebot_like'): World {
  const obstacles: StaticObstacle[] = [];
  const objects: MovableObject[] = [];
  for (let row = 0; row < 4; row++) {
    for (let column = 0; column < 5; column++) {
      const pose = { x: 3 + 4 * column, y: 4 + 3 * row, theta: 0 };
      obstacles.push(
        obstacle(`shelf_${row}_${column}`, { kind: 'box', width: 2, height: 0.8 }, pose, TEST_COLORS.yellow, 'shelf'),
      );
      objects.push(
        testObject(
          `box_${row}_${column}`,
          { x: pose.x + 1.4, y: pose.y + 1.2, theta: 0.2 },
          { color: TEST_COLORS.blue, colorName: 'blue' },
        ),
      );
    }
  }
  for (let i = 0; i < 6; i++) {
    objects.push(
      testObject(
        `pallet_${i}`,
        { x: 2 + 4 * i, y: 15, theta: 0 },
        {
          shape: { kind: 'box', width: 0.8, height: 0.8 },
          mass: 20,
          graspable: false,
          label: 'pallet',
          color: TEST_COLORS.brown,
          colorName: 'brown',
        },
      ),
    );
  }
  const spawns: SpawnPoint[] = [];
  for (let i = 0; i < robots; i++)
    spawns.push(
      spawnAt(`robot${i + 1}`, type, { x: 1.5 + (21 * i) / Math.max(1, robots - 1), y: 1.3, theta: Math.PI / 2 }),
    );
  return testWorld({
    name: 'warehouse',
    bounds: { min: { x: -0.2, y: -0.2 }, max: { x: 24.2, y: 16.2 } },
    walls: [boxWall('outer', { x: 0, y: 0 }, { x: 24, y: 16 }, 0.2)],
    obstacles,
    objects,
    docks: [{ id: 'dock', pose: { x: 23, y: 1, theta: 0 }, radius: 0.3 }],
    spawns,
  });
}
