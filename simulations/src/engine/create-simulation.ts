import type { RobotDescription } from '@omnimind/robots';
import type {
  ObjectState,
  SimulatedRobot,
  Simulation,
  SimulationEditResult,
  SimulationOptions,
} from './engine-types.js';
import { staticNeighbours, type PlacementNeighbour } from '../world/object-placement.js';
import type { ChargingDock, Pose2D, SpawnPoint, World } from '../world/world-types.js';
import { teleportObject } from './object-teleport.js';
import { PhysicsScene } from './physics/physics-scene.js';
import type { Rapier } from './physics/collider-shapes.js';
import { RandomStreams, isValidSeed } from './random/seeded-random.js';
import { loadRapier } from './rapier-module.js';
import { RobotRuntime } from './robot/robot-runtime.js';
import type { RobotHost } from './robot/robot-runtime.js';
import { SimulationError, SimulationErrorCode } from './simulation-error.js';

/** Physics steps per simulated second when the options name none. */
export const DEFAULT_PHYSICS_HZ = 100;

/**
 * Builds a running simulation of `options.world` with its robots: Rapier physics at a fixed step
 * with zero gravity (the world is seen from above), differential-drive robots and their sensors.
 * Everything random is drawn from streams seeded by `options.seed`, and nothing reads the wall
 * clock, so the same options and the same calls give bit-identical results.
 *
 * @example
 * ```ts
 * const sim = await createSimulation({ world, robots: new Map([['diffbot', diffbot]]), seed: 1 });
 * sim.robot('robot1').command({ linear: 0.2, angular: 0 });
 * sim.step(100); // one simulated second at 100 Hz
 * const ranges = sim.robot('robot1').scan();
 * ```
 */
export async function createSimulation(options: SimulationOptions): Promise<Simulation> {
  const physicsHz = options.physicsHz ?? DEFAULT_PHYSICS_HZ;
  if (!(Number.isFinite(physicsHz) && physicsHz > 0 && physicsHz <= 10_000)) {
    throw invalid(`physicsHz must be a number in (0, 10000], got ${physicsHz}`, { physicsHz });
  }
  if (!isValidSeed(options.seed))
    throw invalid(`seed must be a safe integer, got ${options.seed}`, { seed: options.seed });
  const spawns = resolveSpawns(options.spawns ?? options.world.spawns, options.robots);
  const rapier = await loadRapier();
  return new RapierSimulation(rapier, options, spawns, physicsHz);
}

function resolveSpawns(
  spawns: readonly SpawnPoint[],
  robots: ReadonlyMap<string, RobotDescription>,
): { spawn: SpawnPoint; description: RobotDescription }[] {
  const names = new Set<string>();
  return spawns.map((spawn) => {
    if (names.has(spawn.name)) {
      throw new SimulationError(SimulationErrorCode.DuplicateRobot, `two robots are named '${spawn.name}'`, {
        name: spawn.name,
      });
    }
    names.add(spawn.name);
    const description = robots.get(spawn.robot);
    if (description === undefined) {
      const known = [...robots.keys()].sort();
      throw new SimulationError(
        SimulationErrorCode.UnknownRobotType,
        `robot '${spawn.name}' is of type '${spawn.robot}', which is not loaded (loaded: ${known.join(', ') || 'none'})`,
        { name: spawn.name, robot: spawn.robot, known },
      );
    }
    return { spawn, description };
  });
}

function invalid(message: string, details: Record<string, unknown>): SimulationError {
  return new SimulationError(SimulationErrorCode.InvalidOptions, message, details);
}

class RapierSimulation implements Simulation {
  readonly stepMs: number;
  readonly robots: readonly SimulatedRobot[];
  readonly #runtimes: RobotRuntime[];
  readonly #scene: PhysicsScene;
  readonly #stepSeconds: number;
  readonly #world: World;
  #staticNeighbours: readonly PlacementNeighbour[] | undefined;
  #steps = 0;
  #sensorsSyncedAt = -1;
  #disposed = false;

  constructor(
    rapier: Rapier,
    options: SimulationOptions,
    spawns: readonly { spawn: SpawnPoint; description: RobotDescription }[],
    physicsHz: number,
  ) {
    this.stepMs = 1000 / physicsHz;
    this.#stepSeconds = 1 / physicsHz;
    this.#world = options.world;
    this.#scene = new PhysicsScene(rapier, options.world, spawns, this.#stepSeconds);
    const streams = options.noise === false ? undefined : new RandomStreams(options.seed);
    const docks: readonly ChargingDock[] = options.world.docks;
    const host: RobotHost = {
      scene: this.#scene,
      docks,
      floorColor: options.world.floorColor,
      skyColor: options.world.skyColor,
      now: () => this.timeMs,
      assertAlive: () => this.#assertAlive(),
      syncSensors: () => {
        if (this.#sensorsSyncedAt === this.#steps) return;
        this.#scene.syncCaster();
        this.#sensorsSyncedAt = this.#steps;
      },
      invalidateSensors: () => {
        this.#sensorsSyncedAt = -1;
      },
    };
    try {
      this.#runtimes = this.#scene.robots.map((robot) => new RobotRuntime(host, robot, streams));
    } catch (error) {
      this.#scene.free();
      throw error;
    }
    this.robots = this.#runtimes;
  }

  get timeMs(): number {
    return this.#steps * this.stepMs;
  }

  step(count = 1): void {
    this.#assertAlive();
    if (!Number.isSafeInteger(count) || count < 0)
      throw invalid(`step count must be a whole number ≥ 0, got ${count}`, { count });
    const dt = this.#stepSeconds;
    const world = this.#scene.world;
    for (let i = 0; i < count; i++) {
      const now = this.timeMs;
      for (const robot of this.#runtimes) robot.beforeStep(now, dt);
      world.step();
      this.#steps++;
      for (const robot of this.#runtimes) robot.afterStep(dt);
    }
  }

  robot(name: string): SimulatedRobot {
    this.#assertAlive();
    const robot = this.#runtimes.find((r) => r.name === name);
    if (robot === undefined) {
      const known = this.#runtimes.map((r) => r.name);
      throw new SimulationError(
        SimulationErrorCode.NoSuchRobot,
        `no robot named '${name}' (robots: ${known.join(', ') || 'none'})`,
        {
          name,
          known,
        },
      );
    }
    return robot;
  }

  objects(): ObjectState[] {
    this.#assertAlive();
    return this.#scene.objects.map((o) => ({
      id: o.object.id,
      pose: this.#scene.objectPose(o),
      heldBy: o.heldBy?.name,
    }));
  }

  setObjectPose(id: string, pose: Pose2D): SimulationEditResult {
    this.#assertAlive();
    this.#staticNeighbours ??= staticNeighbours(this.#world);
    const result = teleportObject(this.#scene, this.#world, this.#staticNeighbours, id, pose);
    if (result.success) this.#sensorsSyncedAt = -1;
    return result;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#scene.free();
  }

  #assertAlive(): void {
    if (this.#disposed) throw new SimulationError(SimulationErrorCode.Disposed, 'the simulation was disposed');
  }
}
