import { z } from 'zod';
import { logOdds } from './log-odds.js';

/**
 * Parameters of an {@link OccupancyGridMap}. The grid has fixed bounds: `width` × `height` cells of
 * `resolution` metres, cell (0, 0) with its lower-left corner at (`originX`, `originY`) in the map
 * frame. Log-odds update a cell by `logOddsHit` when a beam ends in it and by `logOddsMiss` when a
 * beam passes through it, clamped to [`logOddsMin`, `logOddsMax`] so the map can still change its
 * mind when the world does.
 */
export const occupancyGridMapParamsSchema = z
  .strictObject({
    resolution: z.number().positive().finite(),
    width: z.int().positive().max(65_536),
    height: z.int().positive().max(65_536),
    originX: z.number().finite().default(0),
    originY: z.number().finite().default(0),
    logOddsHit: z.number().positive().finite().default(logOdds(0.7)),
    logOddsMiss: z.number().negative().finite().default(logOdds(0.4)),
    logOddsMin: z.number().finite().default(-2),
    logOddsMax: z.number().finite().default(3.5),
    /** Beams longer than this (metres) are treated as "no return" and only clear space up to it. */
    maxRange: z.number().positive().default(Number.POSITIVE_INFINITY),
  })
  .refine((p) => p.logOddsMin < 0 && p.logOddsMax > 0, { message: 'logOddsMin must be < 0 < logOddsMax' })
  .refine((p) => p.width * p.height <= 100_000_000, { message: 'grid larger than 10^8 cells' });

/** Parameters as given (defaults optional). */
export type OccupancyGridMapParamsInput = z.input<typeof occupancyGridMapParamsSchema>;
/** Parameters with defaults applied. */
export type OccupancyGridMapParams = z.output<typeof occupancyGridMapParamsSchema>;
