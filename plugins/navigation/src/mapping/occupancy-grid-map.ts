import type { builtin_interfaces, nav_msgs } from '@omnimind/core';
import type { GridInfo, Pose2D } from '../grid/grid-types.js';
import { probability } from './log-odds.js';
import { InvalidMappingParams, InvalidScan } from './mapping-errors.js';
import {
  occupancyGridMapParamsSchema,
  type OccupancyGridMapParams,
  type OccupancyGridMapParamsInput,
} from './occupancy-grid-map-params.js';
import { CLIP_END_INSIDE, CLIP_MISS, clipSegmentToGrid, traceLine } from './ray-trace.js';
import type { ScanLike } from './scan-types.js';

/** What one {@link OccupancyGridMap.integrateScan} call did. */
export interface ScanIntegrationStats {
  /** Beams that were traced (finite in-range readings and `+Infinity`). */
  readonly raysTraced: number;
  /** Beams skipped: `NaN`, `-Infinity`, below `rangeMin`, or entirely outside the grid. */
  readonly raysIgnored: number;
  /** Distinct cells marked free. */
  readonly freeCells: number;
  /** Distinct cells marked occupied. */
  readonly hitCells: number;
}

/** Options of {@link OccupancyGridMap.toOccupancyGrid}. */
export interface OccupancyGridMessageOptions {
  readonly stamp?: builtin_interfaces.Time;
  /** Default `map`. */
  readonly frameId?: string;
  /** Default: `stamp`. */
  readonly mapLoadTime?: builtin_interfaces.Time;
}

const ZERO_TIME: builtin_interfaces.Time = { sec: 0, nanosec: 0 };

/**
 * A log-odds occupancy grid built from laser scans taken at known poses ("mapping with known
 * poses"). Bounds are fixed at construction: beams are clipped to the grid, nothing is written
 * outside it, and the grid never grows (size it from the world's bounds, see {@link covering}).
 *
 * Within one scan each cell is updated at most once, and a cell that some beam ends in is marked
 * occupied even if other beams of the same scan pass through it (thin walls seen at a grazing angle
 * stay walls).
 *
 * @example
 * const map = new OccupancyGridMap({ resolution: 0.05, width: 400, height: 400, originX: -10, originY: -10 });
 * map.integrateScan(scan, { x: 0, y: 0, theta: 0 });
 * bus.publish(map.toOccupancyGrid({ stamp: clock.now() }));
 */
export class OccupancyGridMap {
  /** The grid's geometry. */
  readonly info: GridInfo;
  /** The parameters, defaults applied. */
  readonly params: OccupancyGridMapParams;
  /** Log-odds per cell, row-major (0 = unknown or undecided). */
  readonly logOdds: Float32Array;
  /** 1 where the cell was ever observed, 0 where it was not. */
  readonly observed: Uint8Array;
  #revision = 0;
  #stamp = 0;
  readonly #freeStamp: Uint32Array;
  readonly #hitStamp: Uint32Array;
  #hits: Int32Array;
  #ends = new Float64Array(0);
  #kind = new Uint8Array(0);
  readonly #clipped = new Float64Array(4);
  readonly #line: Int32Array;
  readonly #occupancy: Int8Array;
  // The window of cells changed since the occupancy cache was last refreshed (empty when min > max).
  #dirty = { minCol: 0, minRow: 0, maxCol: -1, maxRow: -1 };

  constructor(params: OccupancyGridMapParamsInput) {
    const parsed = occupancyGridMapParamsSchema.safeParse(params);
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      throw new InvalidMappingParams(
        `invalid occupancy grid parameters: ${problem?.path.join('.') || '(root)'}: ${problem?.message ?? 'invalid'}`,
        { issues: parsed.error.issues },
      );
    }
    this.params = parsed.data;
    const { width, height, resolution, originX, originY } = this.params;
    this.info = Object.freeze({ width, height, resolution, originX, originY });
    const cells = width * height;
    this.logOdds = new Float32Array(cells);
    this.observed = new Uint8Array(cells);
    this.#freeStamp = new Uint32Array(cells);
    this.#hitStamp = new Uint32Array(cells);
    this.#line = new Int32Array(Math.max(width, height) + 2);
    this.#hits = new Int32Array(1024);
    this.#occupancy = new Int8Array(cells).fill(-1);
  }

  /**
   * A map covering the rectangle [minX, maxX] × [minY, maxY] (metres) at `resolution`, e.g. a
   * simulated world's bounds plus a margin.
   */
  static covering(
    bounds: { minX: number; minY: number; maxX: number; maxY: number },
    resolution: number,
    params: Omit<OccupancyGridMapParamsInput, 'width' | 'height' | 'originX' | 'originY' | 'resolution'> = {},
  ): OccupancyGridMap {
    const width = Math.ceil((bounds.maxX - bounds.minX) / resolution - 1e-9);
    const height = Math.ceil((bounds.maxY - bounds.minY) / resolution - 1e-9);
    return new OccupancyGridMap({ ...params, resolution, width, height, originX: bounds.minX, originY: bounds.minY });
  }

  /** Increments each time the map's content changes (a scan that touched a cell, or {@link reset}). */
  get revision(): number {
    return this.#revision;
  }

  /**
   * Integrates one scan taken by a sensor at `sensorPose` (map frame). Each beam clears the cells
   * from the sensor up to its end and marks the end cell occupied. REP-117: `+Infinity` (and any
   * range at or beyond `rangeMax` or `maxRange`) clears up to that limit without a hit; `-Infinity`,
   * `NaN` and ranges below `rangeMin` are ignored.
   */
  integrateScan(scan: ScanLike, sensorPose: Pose2D): ScanIntegrationStats {
    checkScan(scan, sensorPose);
    const { width, height, resolution, originX, originY } = this.info;
    const { logOddsHit, logOddsMiss, logOddsMin, logOddsMax } = this.params;
    const limit = Math.min(scan.rangeMax, this.params.maxRange);
    const stamp = this.#nextStamp();
    const sx = (sensorPose.x - originX) / resolution;
    const sy = (sensorPose.y - originY) / resolution;
    const count = scan.ranges.length;
    if (this.#kind.length < count) {
      this.#ends = new Float64Array(count * 2);
      this.#kind = new Uint8Array(count);
    }
    const ends = this.#ends;
    // 0 ignored, 1 traced with a hit at the end, 2 traced without a hit.
    const kind = this.#kind;
    kind.fill(0, 0, count);
    const clipped = this.#clipped;
    let hits = this.#hits;
    let hitCount = 0;
    let raysIgnored = 0;

    for (let i = 0; i < count; i++) {
      const range = scan.ranges[i]!;
      if (Number.isNaN(range) || range === Number.NEGATIVE_INFINITY || range < scan.rangeMin) {
        raysIgnored++;
        continue;
      }
      const hit = range < limit;
      if (!hit && limit === Number.POSITIVE_INFINITY) {
        raysIgnored++;
        continue;
      }
      const length = (hit ? range : limit) / resolution;
      const angle = sensorPose.theta + scan.angleMin + i * scan.angleIncrement;
      ends[2 * i] = sx + length * Math.cos(angle);
      ends[2 * i + 1] = sy + length * Math.sin(angle);
      kind[i] = hit ? 1 : 2;
      if (!hit) continue;
      const col = Math.floor(ends[2 * i]!);
      const row = Math.floor(ends[2 * i + 1]!);
      if (col < 0 || row < 0 || col >= width || row >= height) continue;
      const index = row * width + col;
      if (this.#hitStamp[index] === stamp) continue;
      this.#hitStamp[index] = stamp;
      if (hitCount === hits.length) {
        const grown = new Int32Array(hits.length * 2);
        grown.set(hits);
        hits = grown;
      }
      hits[hitCount++] = index;
    }

    const logOdds = this.logOdds;
    const observed = this.observed;
    const freeStamp = this.#freeStamp;
    const hitStamp = this.#hitStamp;
    const line = this.#line;
    const dirty = this.#dirty;
    let freeCells = 0;
    let raysTraced = 0;
    for (let i = 0; i < count; i++) {
      if (kind[i] === 0) continue;
      const clip = clipSegmentToGrid(sx, sy, ends[2 * i]!, ends[2 * i + 1]!, width, height, clipped);
      if (clip === CLIP_MISS) {
        raysIgnored++;
        continue;
      }
      raysTraced++;
      const c0 = Math.floor(clipped[0]!);
      const r0 = Math.floor(clipped[1]!);
      const c1 = Math.floor(clipped[2]!);
      const r1 = Math.floor(clipped[3]!);
      markDirty(dirty, c0, r0);
      markDirty(dirty, c1, r1);
      const n = traceLine(c0, r0, c1, r1, width, line);
      // The end cell is the hit when the beam ended inside the grid with a return; otherwise free.
      const free = kind[i] === 1 && clip === CLIP_END_INSIDE ? n - 1 : n;
      for (let k = 0; k < free; k++) {
        const index = line[k]!;
        if (freeStamp[index] === stamp || hitStamp[index] === stamp) continue;
        freeStamp[index] = stamp;
        const value = logOdds[index]! + logOddsMiss;
        logOdds[index] = value < logOddsMin ? logOddsMin : value;
        observed[index] = 1;
        freeCells++;
      }
    }

    for (let k = 0; k < hitCount; k++) {
      const index = hits[k]!;
      const value = logOdds[index]! + logOddsHit;
      logOdds[index] = value > logOddsMax ? logOddsMax : value;
      observed[index] = 1;
      markDirty(dirty, index % width, Math.floor(index / width));
    }
    this.#hits = hits;
    if (freeCells + hitCount > 0) this.#revision++;
    return { raysTraced, raysIgnored, freeCells, hitCells: hitCount };
  }

  /** Occupancy of cell (`col`, `row`) as `nav_msgs/OccupancyGrid` writes it: -1 unknown, else 0..100. */
  occupancyAt(col: number, row: number): number {
    const index = row * this.info.width + col;
    if (this.observed[index] !== 1) return -1;
    return Math.round(probability(this.logOdds[index]!) * 100);
  }

  /** Forgets everything observed. */
  reset(): void {
    this.logOdds.fill(0);
    this.observed.fill(0);
    this.#occupancy.fill(-1);
    this.#dirty = { minCol: 0, minRow: 0, maxCol: -1, maxRow: -1 };
    this.#revision++;
  }

  /**
   * The map as a `nav_msgs/OccupancyGrid` (its own copy of the data): -1 for never-observed cells,
   * otherwise the occupancy probability in percent (0..100).
   */
  toOccupancyGrid(options: OccupancyGridMessageOptions = {}): nav_msgs.OccupancyGrid {
    this.#refreshOccupancy();
    const stamp = options.stamp ?? ZERO_TIME;
    const { width, height, resolution, originX, originY } = this.info;
    return {
      header: { stamp, frame_id: options.frameId ?? 'map' },
      info: {
        map_load_time: options.mapLoadTime ?? stamp,
        resolution,
        width,
        height,
        origin: { position: { x: originX, y: originY, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
      },
      data: this.#occupancy.slice(),
    };
  }

  #refreshOccupancy(): void {
    const { minCol, minRow, maxCol, maxRow } = this.#dirty;
    const width = this.info.width;
    for (let row = minRow; row <= maxRow; row++) {
      for (let col = minCol; col <= maxCol; col++) this.#occupancy[row * width + col] = this.occupancyAt(col, row);
    }
    this.#dirty = { minCol: 0, minRow: 0, maxCol: -1, maxRow: -1 };
  }

  #nextStamp(): number {
    if (this.#stamp === 0xffffffff) {
      this.#freeStamp.fill(0);
      this.#hitStamp.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }
}

function markDirty(
  dirty: { minCol: number; minRow: number; maxCol: number; maxRow: number },
  col: number,
  row: number,
) {
  if (dirty.maxCol < dirty.minCol) {
    dirty.minCol = dirty.maxCol = col;
    dirty.minRow = dirty.maxRow = row;
    return;
  }
  if (col < dirty.minCol) dirty.minCol = col;
  if (col > dirty.maxCol) dirty.maxCol = col;
  if (row < dirty.minRow) dirty.minRow = row;
  if (row > dirty.maxRow) dirty.maxRow = row;
}

function checkScan(scan: ScanLike, pose: Pose2D): void {
  const problems: string[] = [];
  if (!Number.isFinite(scan.angleMin)) problems.push('angleMin is not finite');
  if (!Number.isFinite(scan.angleIncrement)) problems.push('angleIncrement is not finite');
  if (!(scan.rangeMin >= 0)) problems.push('rangeMin must be >= 0');
  if (!(scan.rangeMax > 0)) problems.push('rangeMax must be > 0');
  if (![pose.x, pose.y, pose.theta].every(Number.isFinite)) problems.push('sensor pose is not finite');
  if (problems.length > 0) throw new InvalidScan(`unusable scan: ${problems.join('; ')}`, { problems });
}
