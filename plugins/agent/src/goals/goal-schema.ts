import { OmniError } from '@omnimind/core';
import { z } from 'zod';
import { goalConditionSchema } from '../goap/goal-condition.js';
import type { GoalCondition } from '../goap/goal-condition.js';

/** When a goal counts as done or as failed, beyond its target state holding. */
export interface SuccessCriteria {
  /** Give up after this many replans (default 3). */
  readonly maxReplans: number;
  /** Give up when not reached within this many seconds of becoming active (none by default). */
  readonly timeoutS?: number | undefined;
  /** The target must hold for this many seconds before the goal succeeds (default 0). */
  readonly holdS: number;
}

/**
 * A goal as data: what the world should look like (`target`), when it counts as reached or lost
 * (`success`), how it ranks (`priority`, higher first) and by when it must be done (`deadline`,
 * seconds on the robot's clock).
 *
 * @example
 * const goal = parseGoal({ id: 'fetch-red-box', target: { objectAt: { red_box: 'dock' } }, priority: 5 });
 */
export interface Goal {
  readonly id: string;
  readonly description?: string | undefined;
  readonly target: GoalCondition;
  readonly success: SuccessCriteria;
  readonly priority: number;
  readonly deadline?: number | undefined;
}

/** Zod schema of {@link Goal}, with defaults for `success` and `priority` (0). */
export const goalSchema = z
  .object({
    id: z.string().min(1),
    description: z.string().optional(),
    target: goalConditionSchema,
    success: z
      .object({
        maxReplans: z.number().int().nonnegative().default(3),
        timeoutS: z.number().positive().finite().optional(),
        holdS: z.number().nonnegative().finite().default(0),
      })
      .strict()
      .default({ maxReplans: 3, holdS: 0 }),
    priority: z.number().int().default(0),
    deadline: z.number().finite().optional(),
  })
  .strict();

/** A goal that does not match {@link goalSchema}; `details.issues` lists each problem with its path. */
export class InvalidGoal extends OmniError {
  constructor(message: string, details: Record<string, unknown>) {
    super('OMNI_ERR_GOAL_INVALID', message, { details });
  }
}

/**
 * Validates `input` as a {@link Goal} and fills in defaults.
 *
 * @throws {@link InvalidGoal} naming the first bad field.
 */
export function parseGoal(input: unknown): Goal {
  const result = goalSchema.safeParse(input);
  if (result.success) return result.data as Goal;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  throw new InvalidGoal(`invalid goal: ${first?.path || '(root)'}: ${first?.message ?? 'invalid'}`, { issues });
}
