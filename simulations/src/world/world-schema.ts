import { z } from 'zod';

/** Ids, spawn names and place names: usable as ROS name tokens and in goals (`go to kitchen`). */
export const WORLD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Default wall thickness, metres. */
export const DEFAULT_WALL_THICKNESS = 0.1;
/** Default mass of a movable object, kilograms. */
export const DEFAULT_OBJECT_MASS = 0.2;
/** Default friction coefficient of a movable object. */
export const DEFAULT_OBJECT_FRICTION = 0.5;
/** Default radius of a charging dock, metres. */
export const DEFAULT_DOCK_RADIUS = 0.3;

const nameOf = (what: string) =>
  z.string().regex(WORLD_NAME_PATTERN, {
    error: (issue) =>
      `expected ${what} of letters, digits and '_', not starting with a digit; got '${String(issue.input)}'`,
  });

const positive = (what: string, unit: string) =>
  z.number().positive({ error: (issue) => `expected ${what} > 0${unit}, got ${String(issue.input)}` });

const point = z.tuple([z.number(), z.number()], { error: 'expected a point [x, y] (metres)' });

const pose = z.union(
  [
    z.tuple([z.number(), z.number(), z.number().optional()]),
    z.strictObject({ x: z.number(), y: z.number(), theta_deg: z.number().optional() }),
  ],
  { error: 'expected a pose [x, y, theta_deg] or {x, y, theta_deg} (metres and degrees; theta_deg may be left out)' },
);

const channel = z
  .number({ error: 'expected a colour channel, a whole number 0-255' })
  .refine((value) => Number.isInteger(value) && value >= 0 && value <= 255, {
    error: (issue) => `expected a colour channel, a whole number 0-255, got ${String(issue.input)}`,
  });
const color = z.union([z.string(), z.tuple([channel, channel, channel])], {
  error: "expected a colour: a name such as 'red' or [r, g, b] with whole numbers 0-255",
});

/** A list key that may be left out or left empty (`walls:` with nothing after it). */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((list) => list ?? []);

type ShapeKind = 'box' | 'circle' | 'polygon';
const SHAPE_FIELDS: Readonly<Record<ShapeKind, readonly ('width' | 'height' | 'radius' | 'points')[]>> = {
  box: ['width', 'height'],
  circle: ['radius'],
  polygon: ['points'],
};
const ALL_SHAPE_FIELDS = ['width', 'height', 'radius', 'points'] as const;

/** Each shape takes its own size keys and no other's, so a circle with a `width` is a mistake worth naming. */
function checkShapeFields(
  value: { shape: ShapeKind } & Partial<Record<(typeof ALL_SHAPE_FIELDS)[number], unknown>>,
  ctx: z.core.$RefinementCtx,
): void {
  const needed = SHAPE_FIELDS[value.shape];
  const missing = needed.filter((field) => value[field] === undefined);
  const quoted = (fields: readonly string[]): string => fields.map((f) => `'${f}'`).join(' and ');
  if (missing.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['shape'],
      message:
        `a ${value.shape} needs ${quoted(needed)}` +
        (missing.length < needed.length ? `; ${quoted(missing)} is missing` : ''),
    });
  for (const field of ALL_SHAPE_FIELDS)
    if (!needed.includes(field) && value[field] !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `'${field}' does not apply to a ${value.shape}, which takes ${quoted(needed)}`,
      });
}

const shapeFields = {
  width: positive('a width', ' m').optional(),
  height: positive('a height', ' m').optional(),
  radius: positive('a radius', ' m').optional(),
};

const wall = z.strictObject({
  id: nameOf('an id').optional(),
  points: z.array(point).min(2, { error: 'a wall needs at least 2 points [[x, y], [x, y], ...]' }),
  thickness: positive('a thickness', ' m').optional(),
  color: color.optional(),
});

const obstacle = z
  .strictObject({
    id: nameOf('an id').optional(),
    shape: z.enum(['box', 'circle', 'polygon']),
    ...shapeFields,
    points: z.array(point).optional(),
    pose,
    color: color.optional(),
    label: z.string().min(1).optional(),
  })
  .superRefine(checkShapeFields);

const movable = z
  .strictObject({
    id: nameOf('an id').optional(),
    shape: z.enum(['box', 'circle']),
    ...shapeFields,
    pose,
    mass: positive('a mass', ' kg').optional(),
    friction: z
      .number()
      .nonnegative({ error: (issue) => `expected a friction coefficient >= 0, got ${String(issue.input)}` })
      .optional(),
    label: z.string().min(1).optional(),
    color: color.optional(),
    graspable: z.boolean().optional(),
  })
  .superRefine(checkShapeFields);

const dock = z.strictObject({
  id: nameOf('an id').optional(),
  pose,
  radius: positive('a radius', ' m').optional(),
});

const spawn = z.strictObject({
  name: nameOf('a robot name'),
  robot: z.string().min(1),
  pose,
});

const bounds = z.strictObject({ min: point, max: point }).superRefine((value, ctx) => {
  if (!(value.max[0] > value.min[0] && value.max[1] > value.min[1]))
    ctx.addIssue({
      code: 'custom',
      path: ['max'],
      message: `expected max [x, y] greater than min [${value.min.join(', ')}] on both axes, got [${value.max.join(', ')}]`,
    });
});

/** The schema of a world file, as written (degrees, colour names, optional ids). */
export const worldFileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  bounds,
  floor_color: color.optional(),
  sky_color: color.optional(),
  walls: listOf(wall),
  obstacles: listOf(obstacle),
  objects: listOf(movable),
  docks: listOf(dock),
  places: z
    .record(z.string(), pose)
    .superRefine((places, ctx) => {
      // Checked here rather than as the record's key schema, whose own message would only say 'Invalid key'.
      for (const name of Object.keys(places))
        if (!WORLD_NAME_PATTERN.test(name))
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `expected a place name of letters, digits and '_', not starting with a digit; got '${name}'`,
          });
    })
    .nullish()
    .transform((places) => places ?? {}),
  spawns: listOf(spawn),
});

/** A world file as written, after schema validation. */
export type WorldFile = z.infer<typeof worldFileSchema>;
/** A pose as written: `[x, y, theta_deg?]` or `{x, y, theta_deg?}`. */
export type PoseInFile = z.infer<typeof pose>;
/** A colour as written: a name or `[r, g, b]`. */
export type ColorInFile = z.infer<typeof color>;
