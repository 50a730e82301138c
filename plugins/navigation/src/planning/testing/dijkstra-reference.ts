import type { Costmap } from '../../grid/grid-types.js';
import type { CostModel } from '../cost-model.js';

/**
 * The optimal 8-connected travel cost (metres) from cell `start` to cell `goal` under `model`, by a
 * deliberately plain Dijkstra (linear scan for the minimum, no heuristic): slow, but simple enough
 * to trust as the reference A* is checked against. `Infinity` when unreachable.
 */
export function referenceCost(costmap: Costmap, model: CostModel, start: number, goal: number): number {
  const { width, height, resolution } = costmap.info;
  const n = width * height;
  const dist = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  const factor = (cell: number): number => model.factors[costmap.data[cell]!]!;
  const free = (col: number, row: number): boolean =>
    col >= 0 && row >= 0 && col < width && row < height && factor(row * width + col) !== Infinity;
  dist[start] = 0;
  for (;;) {
    let cur = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (cur < 0 || dist[i]! < dist[cur]!)) cur = i;
    if (cur < 0) return Infinity;
    if (cur === goal) return dist[cur]! * resolution;
    done[cur] = true;
    const col = cur % width;
    const row = Math.floor(cur / width);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (dc === 0 && dr === 0) continue;
        if (!free(col + dc, row + dr)) continue;
        if (dc !== 0 && dr !== 0 && (!free(col + dc, row) || !free(col, row + dr))) continue;
        const next = (row + dr) * width + col + dc;
        const step = Math.hypot(dc, dr) * ((factor(cur) + factor(next)) / 2);
        if (dist[cur]! + step < dist[next]!) dist[next] = dist[cur]! + step;
      }
    }
  }
}
