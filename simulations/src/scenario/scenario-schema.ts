import { z } from 'zod';
import { METRIC_NAMES } from './scenario-types.js';

/** Tolerance of a `robot_at` or `object_at` goal when the file gives none (metres; a dock's own radius for `dock`). */
export const DEFAULT_GOAL_TOLERANCE = 0.25;

const position = z.tuple([z.number(), z.number()], { error: 'expected a position [x, y] (metres)' });

const positive = (what: string) =>
  z.number().positive({ error: (issue) => `expected ${what} > 0, got ${String(issue.input)}` });

const targetKeys = {
  place: z.string().min(1).optional(),
  dock: z.string().min(1).optional(),
  pose: position.optional(),
  tolerance: positive('a tolerance (m)').optional(),
};

type TargetFields = { place?: string | undefined; dock?: string | undefined; pose?: unknown };

/** Exactly one of place, dock, pose. */
function checkTarget(value: TargetFields, ctx: z.core.$RefinementCtx): void {
  const given = (['place', 'dock', 'pose'] as const).filter((key) => value[key] !== undefined);
  if (given.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    path: given.length > 1 ? [given[1] as string] : [],
    message:
      given.length === 0
        ? "expected a target: one of 'place', 'dock' or 'pose: [x, y]'"
        : `give one target, not both '${given[0]}' and '${given[1]}'`,
  });
}

const robotAt = z.strictObject({ robot: z.string().min(1), ...targetKeys }).superRefine(checkTarget);
const objectAt = z.strictObject({ object: z.string().min(1), ...targetKeys }).superRefine(checkTarget);

/** A goal as written: exactly one of `robot_at`, `object_at`, `all`. */
export interface GoalInFile {
  robot_at?: z.infer<typeof robotAt> | undefined;
  object_at?: z.infer<typeof objectAt> | undefined;
  all?: GoalInFile[] | undefined;
}

const goal: z.ZodType<GoalInFile> = z
  .strictObject({
    robot_at: robotAt.optional(),
    object_at: objectAt.optional(),
    get all() {
      return z.array(goal).min(1, { error: "'all' needs at least one goal" }).optional();
    },
  })
  .superRefine((value, ctx) => {
    const given = (['robot_at', 'object_at', 'all'] as const).filter((key) => value[key] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: given.length > 1 ? [given[1] as string] : [],
        message:
          given.length === 0
            ? "expected a goal: one of 'robot_at', 'object_at' or 'all'"
            : `a goal is one of 'robot_at', 'object_at' or 'all', not both '${given[0]}' and '${given[1]}'`,
      });
  });

const node = z.strictObject({
  pkg: z.string().min(1),
  plugin: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().min(1).default('/'),
  params: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((params) => params ?? {}),
});

const placement = {
  pose: z
    .tuple([z.number(), z.number(), z.number().optional()], {
      error: 'expected a start pose [x, y, theta_deg] (metres and degrees; theta_deg may be left out)',
    })
    .optional(),
  xy_m: z.number().nonnegative().default(0),
  theta_deg: z.number().nonnegative().max(180).default(0),
};

const start = z.strictObject({
  ...placement,
  battery: z
    .number()
    .min(0, { error: 'expected a battery charge from 0 to 1' })
    .max(1, { error: 'expected a battery charge from 0 to 1' })
    .optional(),
});

const objectStart = z.strictObject(placement);

/** The schema of a scenario file, as written. */
export const scenarioFileSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    description: z.string().default(''),
    world: z.string().min(1),
    robots: z.array(z.string().min(1)).min(1).optional(),
    start: z.record(z.string(), start).optional(),
    objects: z.record(z.string(), objectStart).optional(),
    launch: z.string().min(1).optional(),
    launch_args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    nodes: z
      .array(node)
      .nullish()
      .transform((nodes) => nodes ?? []),
    goal,
    time_limit_s: positive('a time limit (s)'),
    metrics: z
      .array(z.enum(METRIC_NAMES))
      .min(1)
      .refine((names) => new Set(names).size === names.length, { error: 'each metric may be listed once' })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.launch_args && value.launch === undefined)
      ctx.addIssue({ code: 'custom', path: ['launch_args'], message: "'launch_args' needs 'launch'" });
  });

/** A scenario file as written, after schema validation. */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
