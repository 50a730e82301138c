import { parseWithSchema, readLocatedYaml } from '@omnimind/core';
import { z } from 'zod';
import { goalSchema, type Goal } from '../goals/goal-schema.js';

/** What the agent is told about an object before it has seen it. */
export interface ObjectBrief {
  /** Named place where the object is expected. */
  readonly at: string;
  readonly graspable: boolean;
  readonly pushable: boolean;
  readonly pullable: boolean;
}

/** A mission: the objects the agent may act on and the goals it starts with. */
export interface Mission {
  readonly objects: Readonly<Record<string, ObjectBrief>>;
  readonly goals: readonly Goal[];
}

const missionSchema = z
  .object({
    description: z.string().optional(),
    objects: z
      .record(
        z.string().min(1),
        z
          .object({
            at: z.string().min(1),
            graspable: z.boolean().default(true),
            pushable: z.boolean().default(false),
            pullable: z.boolean().default(false),
          })
          .strict(),
      )
      .default({}),
    goals: z.array(goalSchema).default([]),
  })
  .strict();

/**
 * Reads a mission file (YAML): `objects` (id → `{at, graspable, pushable, pullable}`) and `goals`
 * (the goal format of the agents guide).
 *
 * @throws `OMNI_ERR_AGENT_MISSION` with `file:line:col` and what was expected.
 *
 * @example
 * ```yaml
 * objects:
 *   red_box_1: { at: pick_up }
 * goals:
 *   - id: fetch_red_box
 *     target: { objectAt: { red_box_1: dock_drop } }
 * ```
 */
export function loadMissionFile(file: string): Mission {
  const source = readLocatedYaml(file, { syntax: 'OMNI_ERR_AGENT_MISSION', notFound: 'OMNI_ERR_AGENT_MISSION' });
  const parsed = parseWithSchema(source, missionSchema, 'OMNI_ERR_AGENT_MISSION');
  return { objects: parsed.objects, goals: parsed.goals as Goal[] };
}
