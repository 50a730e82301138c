import type { nav_msgs } from '@omnimind/core';
import { COST, type Costmap, type GridInfo } from '../grid/grid-types.js';
import { InvalidCostmapParams } from './costmap-errors.js';
import { inflationCostTable } from './cost-function.js';
import { costmapParamsSchema, type CostmapParams, type CostmapParamsInput } from './inflation-params.js';
import { InflationScratch, inflateWindow, type CellWindow } from './inflation.js';
import { gridInfoOf, occupancyCostTable } from './occupancy-to-cost.js';
import type { Point2 } from './scan-obstacles.js';

/**
 * A costmap with Nav2's semantics, built from an occupancy grid (the static layer), optional obstacle
 * points (an obstacle layer, e.g. from the latest scan) and inflation around every obstacle.
 *
 * Updates are incremental: {@link updateMap} and {@link setObstacles} recompute only the cells
 * within the inflation radius of the cells that changed, and return that window.
 *
 * @example
 * const costmap = new InflatedCostmap(mapMessage, { inscribedRadius: 0.2, inflationRadius: 0.6 });
 * costmap.setObstacles(scanObstaclePoints(scan, laserPose));
 * planner.createPlan({ costmap, start, goal });
 */
export class InflatedCostmap implements Costmap {
  /** The parameters, defaults applied. */
  readonly params: CostmapParams;
  #info!: GridInfo;
  #data!: Uint8Array;
  // Costs from the map alone, and with obstacle points added (the input of inflation).
  #static!: Uint8Array;
  #base!: Uint8Array;
  #obstacleCells: Int32Array = new Int32Array(0);
  #table!: Uint8Array;
  readonly #occupancyCosts: Uint8Array;
  readonly #scratch = new InflationScratch();
  #revision = 0;
  #mapRevision: number | undefined;

  constructor(grid: nav_msgs.OccupancyGrid, params: CostmapParamsInput = {}, mapRevision?: number) {
    const parsed = costmapParamsSchema.safeParse(params);
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      throw new InvalidCostmapParams(
        `invalid costmap parameters: ${problem?.path.join('.') || '(root)'}: ${problem?.message ?? 'invalid'}`,
        { issues: parsed.error.issues },
      );
    }
    this.params = parsed.data;
    this.#occupancyCosts = occupancyCostTable(this.params);
    this.#rebuild(grid);
    this.#mapRevision = mapRevision;
  }

  /** The grid's geometry (that of the last map). */
  get info(): GridInfo {
    return this.#info;
  }

  /** One cost per cell, row-major; updated in place by the update methods. */
  get data(): Uint8Array {
    return this.#data;
  }

  /** Increments on every change of the costs. */
  get revision(): number {
    return this.#revision;
  }

  /**
   * Takes a new version of the map. With the same geometry only the changed cells and their
   * inflation neighbourhood are recomputed; a new geometry rebuilds everything (and drops obstacle
   * points). With `mapRevision` equal to the last one given, nothing is done.
   * Returns the window of cells whose cost may have changed, or undefined when none did.
   */
  updateMap(grid: nav_msgs.OccupancyGrid, mapRevision?: number): CellWindow | undefined {
    if (mapRevision !== undefined && mapRevision === this.#mapRevision) return undefined;
    this.#mapRevision = mapRevision;
    const info = gridInfoOf(grid);
    const old = this.#info;
    if (
      info.width !== old.width ||
      info.height !== old.height ||
      info.resolution !== old.resolution ||
      info.originX !== old.originX ||
      info.originY !== old.originY
    ) {
      this.#rebuild(grid);
      return { minCol: 0, minRow: 0, maxCol: info.width - 1, maxRow: info.height - 1 };
    }
    const window = emptyWindow();
    const data = grid.data;
    const staticCosts = this.#static;
    const toCost = this.#occupancyCosts;
    for (let i = 0; i < data.length; i++) {
      const cost = toCost[data[i]! & 0xff]!;
      if (cost === staticCosts[i]) continue;
      staticCosts[i] = cost;
      grow(window, i % info.width, Math.floor(i / info.width));
    }
    return this.#refresh(window);
  }

  /**
   * Replaces the obstacle points (map frame) with `points`: each marks its cell `LETHAL` on top of
   * the map until the next call or {@link clear}. Points outside the grid are ignored.
   */
  setObstacles(points: readonly Point2[]): CellWindow | undefined {
    const { width, height, resolution, originX, originY } = this.#info;
    const cells = new Int32Array(points.length);
    let n = 0;
    for (const { x, y } of points) {
      const col = Math.floor((x - originX) / resolution);
      const row = Math.floor((y - originY) / resolution);
      if (col >= 0 && row >= 0 && col < width && row < height) cells[n++] = row * width + col;
    }
    return this.#replaceObstacles(cells.subarray(0, n));
  }

  /** Drops every obstacle point: back to the map's costs (Nav2's "clear costmap" recovery). */
  clear(): CellWindow | undefined {
    return this.#replaceObstacles(new Int32Array(0));
  }

  /** The cost at world point (x, y), or undefined outside the grid. */
  costAt(x: number, y: number): number | undefined {
    const { width, height, resolution, originX, originY } = this.#info;
    const col = Math.floor((x - originX) / resolution);
    const row = Math.floor((y - originY) / resolution);
    return col >= 0 && row >= 0 && col < width && row < height ? this.#data[row * width + col] : undefined;
  }

  #replaceObstacles(cells: Int32Array): CellWindow | undefined {
    const width = this.#info.width;
    const window = emptyWindow();
    for (const index of this.#obstacleCells) grow(window, index % width, Math.floor(index / width));
    for (const index of cells) grow(window, index % width, Math.floor(index / width));
    this.#obstacleCells = cells.slice();
    return this.#refresh(window);
  }

  #rebuild(grid: nav_msgs.OccupancyGrid): void {
    const info = gridInfoOf(grid);
    this.#info = Object.freeze(info);
    const cells = info.width * info.height;
    this.#static = new Uint8Array(cells);
    const toCost = this.#occupancyCosts;
    for (let i = 0; i < cells; i++) this.#static[i] = toCost[grid.data[i]! & 0xff]!;
    this.#base = this.#static.slice();
    this.#data = new Uint8Array(cells);
    this.#obstacleCells = new Int32Array(0);
    this.#table = inflationCostTable(this.params, info.resolution);
    inflateWindow(
      this.#base,
      info.width,
      info.height,
      this.#table,
      this.params,
      fullWindow(info),
      this.#data,
      this.#scratch,
    );
    this.#revision++;
  }

  // Recomputes base costs in `changed`, then costs within the inflation reach of it.
  #refresh(changed: CellWindow): CellWindow | undefined {
    if (changed.maxCol < changed.minCol) return undefined;
    const { width, height } = this.#info;
    for (let row = changed.minRow; row <= changed.maxRow; row++) {
      this.#base.set(
        this.#static.subarray(row * width + changed.minCol, row * width + changed.maxCol + 1),
        row * width + changed.minCol,
      );
    }
    for (const index of this.#obstacleCells) this.#base[index] = COST.LETHAL;
    const reach = Math.floor(Math.sqrt(this.#table.length - 1));
    const target: CellWindow = {
      minCol: Math.max(0, changed.minCol - reach),
      minRow: Math.max(0, changed.minRow - reach),
      maxCol: Math.min(width - 1, changed.maxCol + reach),
      maxRow: Math.min(height - 1, changed.maxRow + reach),
    };
    inflateWindow(this.#base, width, height, this.#table, this.params, target, this.#data, this.#scratch);
    this.#revision++;
    return target;
  }
}

interface MutableWindow {
  minCol: number;
  minRow: number;
  maxCol: number;
  maxRow: number;
}

const emptyWindow = (): MutableWindow => ({ minCol: 0, minRow: 0, maxCol: -1, maxRow: -1 });
const fullWindow = (info: GridInfo): CellWindow => ({
  minCol: 0,
  minRow: 0,
  maxCol: info.width - 1,
  maxRow: info.height - 1,
});

function grow(window: MutableWindow, col: number, row: number): void {
  if (window.maxCol < window.minCol) {
    window.minCol = window.maxCol = col;
    window.minRow = window.maxRow = row;
    return;
  }
  if (col < window.minCol) window.minCol = col;
  if (col > window.maxCol) window.maxCol = col;
  if (row < window.minRow) window.minRow = row;
  if (row > window.maxRow) window.maxRow = row;
}
