import { z } from 'zod';

/**
 * Costmap parameters, named after Nav2's static and inflation layers.
 *
 * - `inscribedRadius`: radius of the circle inscribed in the robot's footprint (metres); a cell
 *   that close to an obstacle costs `INSCRIBED` (253): the robot's centre there means a collision.
 * - `inflationRadius`: how far from obstacles costs are raised (metres, at least `inscribedRadius`).
 * - `costScalingFactor`: how fast the cost decays beyond the inscribed radius:
 *   `252 · exp(-costScalingFactor · (d − inscribedRadius))`.
 * - `lethalThreshold`: occupancy (0..100) from which a map cell is an obstacle. Nav2's static layer
 *   uses 100 because maps from files are already thresholded; 65 also suits live log-odds maps,
 *   whose cells never reach 100.
 * - `trackUnknown`: keep never-observed cells (-1) as `UNKNOWN` (255); when false they are free.
 * - `inflateUnknown`: let graded inflation costs overwrite unknown cells (by default only inscribed
 *   and lethal costs do).
 * - `inflateAroundUnknown`: treat unknown cells as obstacles to inflate around.
 */
export const costmapParamsSchema = z
  .strictObject({
    inscribedRadius: z.number().min(0).finite().default(0.2),
    inflationRadius: z.number().min(0).finite().default(0.55),
    costScalingFactor: z.number().positive().finite().default(10),
    lethalThreshold: z.int().min(1).max(100).default(65),
    trackUnknown: z.boolean().default(true),
    inflateUnknown: z.boolean().default(false),
    inflateAroundUnknown: z.boolean().default(false),
  })
  .refine((p) => p.inflationRadius >= p.inscribedRadius, {
    message: 'inflationRadius must be at least inscribedRadius',
    path: ['inflationRadius'],
  });

/** Costmap parameters as given (defaults optional). */
export type CostmapParamsInput = z.input<typeof costmapParamsSchema>;
/** Costmap parameters with defaults applied. */
export type CostmapParams = z.output<typeof costmapParamsSchema>;
