import { z } from 'zod';
import type { WorldState } from './world-state.js';
import { wrapAngle } from './world-state.js';

/** Heading tolerance when a goal gives none, radians (about 3°). */
export const DEFAULT_HEADING_TOLERANCE = 0.05;

/**
 * What must hold in the final state; every fact given must hold, facts left out are free.
 *
 * @example
 * // the red box at the dock, the robot docked with at least 80 % charge
 * const goal: GoalCondition = { objectAt: { red_box: 'dock' }, docked: true, minBatteryFraction: 0.8 };
 */
export interface GoalCondition {
  /** The robot is at this place. */
  readonly robotAt?: string | undefined;
  /** The robot holds this object (`null`: the hand is empty). */
  readonly holding?: string | null | undefined;
  /** Each object is at the given place (not held). */
  readonly objectAt?: Readonly<Record<string, string>> | undefined;
  /** These objects or areas have been observed. */
  readonly observed?: readonly string[] | undefined;
  /** The robot is (or is not) on a dock. */
  readonly docked?: boolean | undefined;
  /** The robot faces this heading, radians, within `headingToleranceRad`. */
  readonly heading?: number | undefined;
  /** Tolerance of `heading`, radians (default {@link DEFAULT_HEADING_TOLERANCE}). */
  readonly headingToleranceRad?: number | undefined;
  /** The battery holds at least this much, Wh. */
  readonly minBatteryWh?: number | undefined;
  /** The battery holds at least this fraction (0–1) of its capacity. */
  readonly minBatteryFraction?: number | undefined;
  /** The robot has waited at least this long at its final place, seconds. */
  readonly waitedS?: number | undefined;
}

/** Zod schema of {@link GoalCondition}; at least one fact is required. */
export const goalConditionSchema = z
  .object({
    robotAt: z.string().min(1).optional(),
    holding: z.string().min(1).nullable().optional(),
    objectAt: z.record(z.string().min(1), z.string().min(1)).optional(),
    observed: z.array(z.string().min(1)).optional(),
    docked: z.boolean().optional(),
    heading: z.number().finite().optional(),
    headingToleranceRad: z.number().positive().finite().optional(),
    minBatteryWh: z.number().nonnegative().finite().optional(),
    minBatteryFraction: z.number().min(0).max(1).optional(),
    waitedS: z.number().nonnegative().finite().optional(),
  })
  .strict()
  .refine(
    (g) => Object.entries(g).some(([key, value]) => value !== undefined && key !== 'headingToleranceRad'),
    'a goal needs at least one fact',
  );

/** The battery level the goal requires, Wh (0 when it requires none). */
export function requiredBatteryWh(goal: GoalCondition, capacityWh: number): number {
  return Math.max(goal.minBatteryWh ?? 0, (goal.minBatteryFraction ?? 0) * capacityWh);
}

/**
 * The facts of `goal` that do not hold in `state`, as short descriptions (empty when satisfied).
 * `capacityWh` converts `minBatteryFraction`.
 */
export function unmetFacts(goal: GoalCondition, state: WorldState, capacityWh: number): string[] {
  const unmet: string[] = [];
  if (goal.robotAt !== undefined && state.robotAt !== goal.robotAt) unmet.push(`robotAt=${goal.robotAt}`);
  if (goal.holding !== undefined && state.holding !== goal.holding) unmet.push(`holding=${goal.holding ?? 'nothing'}`);
  for (const [id, place] of Object.entries(goal.objectAt ?? {})) {
    if (state.objectAt[id] !== place) unmet.push(`objectAt[${id}]=${place}`);
  }
  for (const id of goal.observed ?? []) if (state.observed[id] !== true) unmet.push(`observed[${id}]`);
  if (goal.docked !== undefined && state.docked !== goal.docked) unmet.push(`docked=${goal.docked}`);
  if (goal.heading !== undefined) {
    const tolerance = goal.headingToleranceRad ?? DEFAULT_HEADING_TOLERANCE;
    if (state.heading === null || Math.abs(wrapAngle(goal.heading - state.heading)) > tolerance) {
      unmet.push(`heading=${goal.heading}`);
    }
  }
  const battery = requiredBatteryWh(goal, capacityWh);
  if (state.batteryWh + 1e-9 < battery) unmet.push(`batteryWh>=${battery}`);
  if (goal.waitedS !== undefined && state.waitedS + 1e-9 < goal.waitedS) unmet.push(`waitedS>=${goal.waitedS}`);
  return unmet;
}

/** True when every fact of `goal` holds in `state`. */
export function satisfiesGoal(goal: GoalCondition, state: WorldState, capacityWh: number): boolean {
  return unmetFacts(goal, state, capacityWh).length === 0;
}

/** Objects and places a goal mentions (to check them against the domain). */
export function goalSymbols(goal: GoalCondition): { places: string[]; objects: string[]; targets: string[] } {
  const places = [...(goal.robotAt === undefined ? [] : [goal.robotAt]), ...Object.values(goal.objectAt ?? {})];
  const objects = [...Object.keys(goal.objectAt ?? {}), ...(typeof goal.holding === 'string' ? [goal.holding] : [])];
  return { places, objects, targets: [...(goal.observed ?? [])] };
}
