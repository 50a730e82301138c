import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  UserInputError,
  createInProcessHost,
  type Bus,
  type NodeRequest,
  type ParamValueSource,
  type PluginHost,
  type nav_msgs,
} from '@omnimind/core';
import { COST, worldToCell, type GridInfo } from '../grid/grid-types.js';
import { saveMap } from '../map-io/save-map.js';
import { resolvedSources } from './testing/costmap-probe.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'omnimind-mapper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(
  pkg: string,
  plugin: string,
  name: string,
  namespace: string,
  params: Record<string, unknown>,
  baseDir = here,
): NodeRequest {
  return {
    pkg,
    plugin,
    name,
    namespace,
    remaps: [],
    baseDir,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}

const simulator = node('@omnimind/simulator', 'simulator', 'sim', '/', {
  world: 'empty-room',
  real_time_factor: 1,
  noise: false,
});
// The empty room: walls centred on x, y = ±3 (0.1 m thick), robot1 at the origin facing +x.
const roomMapper = (params: Record<string, unknown> = {}, baseDir = here) =>
  node(
    join(here, 'mapper-plugin.ts'),
    'mapper',
    'mapper',
    '/robot1',
    {
      origin: [-3.5, -3.5],
      size_m: [7, 7],
      publish_period_s: 0.5,
      ...params,
    },
    baseDir,
  );
const probeNode = node('./testing/costmap-probe.ts', 'costmap-probe', 'probe', '/robot1', {});

/** Value of the cell at (x, y) of an occupancy grid. */
function cellAt(grid: nav_msgs.OccupancyGrid, x: number, y: number): number {
  const info = infoOf(grid);
  const cell = worldToCell(info, x, y);
  if (!cell) throw new Error(`(${x}, ${y}) is outside the grid`);
  return grid.data[cell.row * info.width + cell.col]!;
}

/** Largest value among the cells within `radius` metres of (x, y) along both axes. */
function maxNear(value: (x: number, y: number) => number, x: number, y: number, radius = 0.1): number {
  let best = -1;
  for (let dx = -radius; dx <= radius + 1e-9; dx += 0.05)
    for (let dy = -radius; dy <= radius + 1e-9; dy += 0.05) best = Math.max(best, value(x + dx, y + dy));
  return best;
}

/** Whether some cell within 0.1 m of (x, y) along both axes has exactly `wanted`. */
function anyNear(value: (x: number, y: number) => number, x: number, y: number, wanted: number): boolean {
  for (let dx = -0.1; dx <= 0.1 + 1e-9; dx += 0.05)
    for (let dy = -0.1; dy <= 0.1 + 1e-9; dy += 0.05) if (value(x + dx, y + dy) === wanted) return true;
  return false;
}

const infoOf = (grid: nav_msgs.OccupancyGrid): GridInfo => ({
  width: grid.info.width,
  height: grid.info.height,
  resolution: grid.info.resolution,
  originX: grid.info.origin.position.x,
  originY: grid.info.origin.position.y,
});

/** Points on the inner faces of the four walls within the lidar's 3.5 m of the centre. */
const WALL_POINTS: [number, number][] = [-1.5, -0.75, 0, 0.75, 1.5].flatMap((s) => [
  [2.95, s] as [number, number],
  [-2.95, s] as [number, number],
  [s, 2.95] as [number, number],
  [s, -2.95] as [number, number],
]);

describe('the mapper plugin', () => {
  let clock: ManualClock;
  let host: PluginHost;
  let probe: Bus;
  let dispose: () => Promise<void>;

  beforeEach(() => {
    clock = new ManualClock();
    const created = createInProcessHost({ clock });
    host = created.host;
    dispose = created.dispose;
    probe = created.bus.forNode({ name: 'test_probe' });
  });
  afterEach(() => dispose());

  function latest(topic: string): () => nav_msgs.OccupancyGrid | undefined {
    let last: nav_msgs.OccupancyGrid | undefined;
    probe.topic(topic, 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' }).subscribe((e) => void (last = e.message));
    return () => last;
  }

  describe('mapping with known poses in the simulated empty room', () => {
    it('marks the walls occupied, the centre free and what lies beyond the walls unknown', async () => {
      await host.load([simulator, roomMapper()]);
      await host.startAll();
      const map = latest('/robot1/map');
      const costmap = latest('/robot1/costmap');
      clock.advanceBy(400);
      expect(map()).toBeUndefined(); // first publication at the first period
      clock.advanceBy(600);
      const grid = map()!;
      expect(grid.header.frame_id).toBe('map');
      expect(grid.info).toMatchObject({ width: 140, height: 140, resolution: 0.05 });
      for (const [x, y] of WALL_POINTS) expect(maxNear((a, b) => cellAt(grid, a, b), x, y)).toBeGreaterThanOrEqual(65);
      for (const [x, y] of [
        [0.5, 0],
        [-1, 1],
        [1.5, -1.5],
        [0, 2.5],
      ] as const)
        expect(cellAt(grid, x, y)).toBeLessThan(35);
      expect(cellAt(grid, 3.3, 0)).toBe(-1);
      expect(cellAt(grid, 0, -3.3)).toBe(-1);

      const costs = costmap()!;
      expect(costs.info.width).toBe(140);
      for (const [x, y] of WALL_POINTS) expect(maxNear((a, b) => cellAt(costs, a, b), x, y)).toBe(100);
      expect(cellAt(costs, 0, 0)).toBe(0);
      expect(cellAt(costs, 3.3, 0)).toBe(-1);
      // Within the inflation radius of a wall: a graded cost between free and inscribed.
      const graded = cellAt(costs, 2.6, 0);
      expect(graded).toBeGreaterThan(0);
      expect(graded).toBeLessThan(99);
    });

    it('places the scan by the lidar mount offset', async () => {
      await host.load([simulator, roomMapper({ sensor_offset: [0.3, 0, 0] })]);
      await host.startAll();
      const map = latest('/robot1/map');
      clock.advanceBy(1000);
      // The simulator's lidar is 0.032 m behind the centre: mapping it 0.3 m ahead moves the east wall out.
      const grid = map()!;
      expect(maxNear((a, b) => cellAt(grid, a, b), 2.95 + 0.332, 0, 0.05)).toBeGreaterThanOrEqual(65);
      expect(maxNear((a, b) => cellAt(grid, a, b), 2.95, 0, 0.05)).toBeLessThan(35);
    });

    it('skips scans without a pose near their stamp and publishes nothing then', async () => {
      await host.load([simulator, roomMapper({ pose_topic: 'no_such_pose' })]);
      await host.startAll();
      const map = latest('/robot1/map');
      clock.advanceBy(2000);
      expect(map()).toBeUndefined();
    });

    it('provides a costmap source with lethal cells at the walls to plugins in the same process', async () => {
      await host.load([simulator, roomMapper(), probeNode]);
      await host.startAll();
      const source = resolvedSources.at(-1)!;
      expect(source.current()).toBeUndefined();
      expect(source.revision()).toBe(0);
      clock.advanceBy(1000);
      const costmap = source.current()!;
      expect(costmap.info).toMatchObject({ width: 140, height: 140, originX: -3.5, originY: -3.5 });
      const cost = (x: number, y: number): number => {
        const cell = worldToCell(costmap.info, x, y)!;
        return costmap.data[cell.row * costmap.info.width + cell.col]!;
      };
      // Beyond each wall lies unknown (255), so look for a lethal cell rather than the largest cost.
      for (const [x, y] of WALL_POINTS) expect(anyNear(cost, x, y, COST.LETHAL)).toBe(true);
      expect(cost(0, 0)).toBe(COST.FREE);
      expect(cost(3.3, 0)).toBe(COST.UNKNOWN);
      const first = source.revision();
      expect(first).toBeGreaterThan(0);
      clock.advanceBy(500);
      // The same costmap, updated in place as scans keep refining the map.
      expect(source.current()).toBe(costmap);
      expect(source.revision()).toBeGreaterThanOrEqual(first);
    });
  });

  describe('static maps', () => {
    // A 4 x 3 m room at 0.1 m: walls on the border, free inside, one unknown cell at (-0.95, 0.05).
    function roomGrid(): nav_msgs.OccupancyGrid {
      const width = 40;
      const height = 30;
      const data = new Int8Array(width * height);
      for (let row = 0; row < height; row++)
        for (let col = 0; col < width; col++)
          if (row === 0 || col === 0 || row === height - 1 || col === width - 1) data[row * width + col] = 100;
      data[15 * width + 10] = -1;
      return {
        header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
        info: {
          map_load_time: { sec: 0, nanosec: 0 },
          resolution: 0.1,
          width,
          height,
          origin: { position: { x: -2, y: -1.5, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
        },
        data,
      };
    }

    it('loads the map file named relative to the launch folder and publishes it with its costmap', async () => {
      const saved = roomGrid();
      saveMap(saved, join(dir, 'maps', 'room'));
      await host.load([roomMapper({ mode: 'static', map_file: 'maps/room.yaml' }, dir), probeNode]);
      await host.startAll();
      const source = resolvedSources.at(-1)!;
      expect(source.current()?.info).toMatchObject({ width: 40, height: 30, resolution: 0.1 });
      // Latched: a subscriber that comes after the publication still gets it.
      const grid = latest('/robot1/map')()!;
      expect(grid.info.origin.position).toMatchObject({ x: -2, y: -1.5 });
      expect([...grid.data]).toEqual([...saved.data]);
      const costs = latest('/robot1/costmap')()!;
      expect(cellAt(costs, -1.95, 0)).toBe(100);
      expect(cellAt(costs, 0, 0)).toBe(0);
      expect(cellAt(costs, -0.95, 0.05)).toBe(-1);
    });

    it('stops the launch at load with the file, line and column of a bad map file', async () => {
      const yaml = join(dir, 'bad.yaml');
      writeFileSync(yaml, 'image: room.pgm\nresolution: 0.05\norigin: [0, 0]\n');
      const error = await host.load([roomMapper({ mode: 'static', map_file: yaml }), probeNode]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).code).toBe('OMNI_ERR_MAP_YAML_INVALID');
      expect((error as UserInputError).location).toMatchObject({ file: yaml, line: 3, col: 9 });
      expect(host.list()).toHaveLength(0);
    });

    it('reports a missing map image at the image line of the YAML', async () => {
      const yaml = join(dir, 'no-image.yaml');
      writeFileSync(yaml, 'resolution: 0.05\nimage: missing.pgm\norigin: [0, 0, 0]\n');
      await expect(host.load([roomMapper({ mode: 'static', map_file: yaml })])).rejects.toMatchObject({
        code: 'OMNI_ERR_MAP_IMAGE_NOT_FOUND',
        location: { file: yaml, line: 2 },
      });
    });
  });

  describe('parameters', () => {
    it('needs a map file in static mode', async () => {
      await expect(host.load([roomMapper({ mode: 'static' })])).rejects.toMatchObject({
        code: 'OMNI_ERR_MAPPER_MAP_FILE_REQUIRED',
      });
    });

    it('rejects an inflation radius below the inscribed radius and a grid too large', async () => {
      await expect(host.load([roomMapper({ inscribed_radius: 0.3, inflation_radius: 0.2 })])).rejects.toMatchObject({
        code: 'OMNI_ERR_MAPPER_INVALID_PARAMS',
      });
      await expect(host.load([roomMapper({ size_m: [1000, 1000], resolution: 0.01 })])).rejects.toMatchObject({
        code: 'OMNI_ERR_MAPPER_INVALID_PARAMS',
      });
    });
  });
});
