import { parseWithSchema, readLocatedYaml } from '@omnimind/core';
import { z } from 'zod';

/** A pose on the floor: metres and radians in the map frame. */
export interface PlacePose {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** A charging dock: a robot whose centre is within `radius` of `pose` charges. */
export interface DockSpot {
  readonly id: string;
  readonly pose: PlacePose;
  readonly radius: number;
}

/** The named places and docks an agent plans over (a semantic map). */
export interface SemanticMap {
  readonly places: Readonly<Record<string, PlacePose>>;
  readonly docks: readonly DockSpot[];
}

const poseSchema = z.object({ x: z.number(), y: z.number(), theta_deg: z.number().default(0) });

/**
 * The part of a file the agent reads: `places` and `docks` as a simulator world file writes them,
 * so a world file serves as the semantic map of its own world. Other keys are ignored.
 */
const semanticMapSchema = z.looseObject({
  places: z.record(z.string().min(1), poseSchema).default({}),
  docks: z
    .array(z.looseObject({ id: z.string().min(1), pose: poseSchema, radius: z.number().positive().default(0.35) }))
    .default([]),
});

const DEG = Math.PI / 180;

/**
 * Reads the places and docks of a YAML file (a world file works: its `places` and `docks` keys).
 *
 * @throws `OMNI_ERR_AGENT_MAP` with `file:line:col` when the file is missing or a place is malformed.
 */
export function loadSemanticMap(file: string): SemanticMap {
  const source = readLocatedYaml(file, { syntax: 'OMNI_ERR_AGENT_MAP', notFound: 'OMNI_ERR_AGENT_MAP' });
  const parsed = parseWithSchema(source, semanticMapSchema, 'OMNI_ERR_AGENT_MAP');
  const places: Record<string, PlacePose> = {};
  for (const [name, p] of Object.entries(parsed.places)) places[name] = { x: p.x, y: p.y, theta: p.theta_deg * DEG };
  const docks = parsed.docks.map((d) => ({
    id: d.id,
    pose: { x: d.pose.x, y: d.pose.y, theta: d.pose.theta_deg * DEG },
    radius: d.radius,
  }));
  return { places, docks };
}
