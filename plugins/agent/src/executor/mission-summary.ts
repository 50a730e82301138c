import type { GoalReport } from './mission-executor.js';

/** Totals measured over a whole run, for the summary. */
export interface RunTotals {
  /** Simulated (or wall) seconds since the agent started. */
  readonly elapsedS: number;
  /** Distance the robot travelled, from its pose topic (m). */
  readonly distanceM: number;
  /** Energy drawn from the battery, from its state of charge (Wh); charging gives nothing back. */
  readonly energyWh: number;
  /** Battery state of charge now, 0–1 (undefined when never reported). */
  readonly batteryFraction: number | undefined;
  /** Times the bumper went from released to pressed. */
  readonly collisions: number;
}

/**
 * The short report the agent prints at the end of a run: one line per goal, then the totals.
 *
 * @example
 * ```text
 * mission summary (robot2)
 *   fetch_red_box  succeeded in 152.3 s, 0 replans, 5 steps: move(pick_up) observe(red_box_1) ...
 *   totals: 160.2 s, 31.4 m driven, 0.92 Wh used, battery 87 %, 0 collisions
 * ```
 */
export function formatMissionSummary(robot: string, reports: readonly GoalReport[], totals: RunTotals): string {
  const width = Math.max(4, ...reports.map((r) => r.id.length));
  const lines = [`mission summary (${robot})`];
  if (reports.length === 0) lines.push('  no goals');
  for (const r of reports) {
    const duration = (r.endedS - r.startedS).toFixed(1);
    const detours =
      r.chargingDetours > 0 ? `, ${r.chargingDetours} charging detour${r.chargingDetours === 1 ? '' : 's'}` : '';
    const why = r.reason !== undefined && r.status !== 'succeeded' ? ` (${r.reason})` : '';
    lines.push(
      `  ${r.id.padEnd(width)}  ${r.status} in ${duration} s${why}, ${r.replans} replan${r.replans === 1 ? '' : 's'}${detours}, ` +
        `${r.steps.length} step${r.steps.length === 1 ? '' : 's'}: ${r.steps.join(' ') || '-'}`,
    );
  }
  const battery = totals.batteryFraction === undefined ? 'unknown' : `${Math.round(totals.batteryFraction * 100)} %`;
  lines.push(
    `  totals: ${totals.elapsedS.toFixed(1)} s, ${totals.distanceM.toFixed(1)} m driven, ` +
      `${totals.energyWh.toFixed(2)} Wh used, battery ${battery}, ${totals.collisions} collision${totals.collisions === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}
