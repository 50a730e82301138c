import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SimClock,
  createInProcessHost,
  feedSimClock,
  type Bus,
  type MessageBus,
  type NodeRequest,
  type ParamValueSource,
} from '@omnimind/core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..', '..');
/** The test world: see the comments in the file. */
export const SKILLS_ROOM = join(here, '..', 'fixtures', 'skills-room.yaml');

function node(
  pkg: string,
  plugin: string,
  name: string,
  namespace: string,
  params: Record<string, unknown>,
): NodeRequest {
  return {
    pkg,
    plugin,
    name,
    namespace,
    remaps: [],
    baseDir: root,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}

/** The simulator (as fast as possible) with the skills room, the robot `arm`'s mapper and, optionally, its navigator. */
export interface SkillsRoom {
  readonly bus: MessageBus;
  /** Simulation time, fed from `/clock`. */
  readonly clock: SimClock;
  /** A node in the robot's namespace `/arm`. */
  readonly robotBus: Bus;
  /** Resolves after `seconds` of simulated time. */
  sleep(seconds: number): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts the skills room; `navigator` adds the navigator plugin (for skills that navigate). */
export async function startSkillsRoom(options: { navigator?: boolean; world?: string } = {}): Promise<SkillsRoom> {
  const clock = new SimClock();
  const { host, bus, dispose } = createInProcessHost({ clock });
  const feed = feedSimClock(bus.forNode({ name: 'test_clock' }), clock);
  const nodes = [
    node('@omnimind/simulator', 'simulator', 'sim', '/', { world: options.world ?? SKILLS_ROOM, real_time_factor: 0 }),
    node('@omnimind/plugin-navigation', 'mapper', 'mapper', '/arm', {
      origin: [-3.5, -3.5],
      size_m: [7, 7],
      publish_period_s: 0.5,
    }),
  ];
  if (options.navigator) nodes.push(node('@omnimind/plugin-navigation', 'navigator', 'navigator', '/arm', {}));
  await host.load(nodes);
  await host.startAll();
  return {
    bus,
    clock,
    robotBus: bus.forNode({ name: 'agent', namespace: '/arm' }),
    sleep: (seconds) => clock.sleep(seconds * 1000),
    dispose: async () => {
      feed.stop();
      await dispose();
    },
  };
}
