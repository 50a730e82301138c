import type { Pose2D, Vec2 } from '../world/world-types.js';
import { CollisionCounter, EnergyMeter, PathLength } from './episode-metrics.js';
import type { EpisodeEndReason, EpisodeMetrics, EpisodeResult } from './episode-result.js';
import { goalMet } from './goal-conditions.js';
import type { Goal, MetricName } from './scenario-types.js';
import { TrajectoryRecorder } from './trajectory-recorder.js';

/** How an episode is watched. */
export interface EpisodeMonitorOptions {
  readonly seed: number;
  readonly goal: Goal;
  /** Spawn names of the robots to watch. */
  readonly robots: readonly string[];
  readonly timeLimitS: number;
  readonly metrics: readonly MetricName[];
  /** Start poses, recorded in the result as they were given. */
  readonly starts: Readonly<Record<string, Pose2D>>;
  /** Start poses of the objects the scenario places, recorded in the result as they were given. */
  readonly objectStarts?: Readonly<Record<string, Pose2D>>;
  /**
   * Charge fraction (0–1) each robot starts with (the scenario's `battery`, else its description's): the battery is reported once
   * a second, so without it the first second's use would be lost.
   */
  readonly initialCharges?: Readonly<Record<string, number>>;
  /** Rate of the recorded trajectories (default 10 Hz of simulated time). */
  readonly trajectoryHz?: number;
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Watches one episode as the simulator reports it and decides when it ends: after each simulated
 * clock tick it checks the goal on the latest poses, and ends with success when it holds or with
 * failure at the time limit. From then on it ignores everything, so the result is the state at that
 * tick however long the system takes to stop. Feed it from a node on the episode's bus.
 */
export class EpisodeMonitor {
  private readonly poses = new Map<string, Pose2D>();
  private readonly objects = new Map<string, Vec2>();
  private readonly paths = new Map<string, PathLength>();
  private readonly trajectories = new Map<string, TrajectoryRecorder>();
  private readonly collisions = new CollisionCounter();
  private readonly energy = new EnergyMeter();
  private nowS = 0;
  private ended: { reason: EpisodeEndReason; t: number } | undefined;
  private readonly settle: (result: EpisodeResult) => void;

  /** Resolves with the result at the tick the episode ended. */
  readonly result: Promise<EpisodeResult>;

  constructor(private readonly options: EpisodeMonitorOptions) {
    let settle!: (result: EpisodeResult) => void;
    this.result = new Promise((resolve) => (settle = resolve));
    this.settle = settle;
    for (const robot of options.robots) {
      this.paths.set(robot, new PathLength());
      this.trajectories.set(robot, new TrajectoryRecorder(options.trajectoryHz ?? 10));
      const charge = options.initialCharges?.[robot];
      if (charge !== undefined) this.energy.start(robot, charge);
    }
  }

  /** Spawn names of the robots watched. */
  get robots(): readonly string[] {
    return this.options.robots;
  }

  /** Simulated seconds at the latest clock tick. */
  get simulatedTime(): number {
    return this.nowS;
  }

  /** True once the episode has ended. */
  get done(): boolean {
    return this.ended !== undefined;
  }

  /** A `/clock` tick: simulated seconds since the start. Checks the goal and the time limit. */
  onClock(t: number): void {
    if (this.ended) return;
    this.nowS = t;
    if (goalMet(this.options.goal, { robots: this.poses, objects: this.objects })) this.end('goal_reached');
    else if (t >= this.options.timeLimitS - 1e-9) this.end('time_limit');
  }

  /** A robot's exact pose (from `ground_truth`). */
  onGroundTruth(robot: string, pose: Pose2D): void {
    if (this.ended || !this.paths.has(robot)) return;
    this.poses.set(robot, pose);
    this.paths.get(robot)?.add(pose);
    this.trajectories.get(robot)?.add(this.nowS, pose);
  }

  /** A robot's bumper state. */
  onBumper(robot: string, pressed: boolean, contacts: readonly string[]): void {
    if (this.ended || !this.paths.has(robot)) return;
    this.collisions.update(robot, this.nowS, pressed, contacts);
  }

  /** A robot's battery reading: charge fraction 0–1, capacity (Ah), voltage (V). */
  onBattery(robot: string, percentage: number, capacityAh: number, voltage: number): void {
    if (this.ended || !this.paths.has(robot)) return;
    this.energy.add(robot, percentage, capacityAh, voltage);
  }

  /** The movable objects' positions; an object a robot holds is not anywhere an `object_at` goal counts. */
  onObjects(
    objects: readonly { readonly id: string; readonly x: number; readonly y: number; readonly held?: boolean }[],
  ): void {
    if (this.ended) return;
    for (const object of objects) {
      if (object.held === true) this.objects.delete(object.id);
      else this.objects.set(object.id, { x: object.x, y: object.y });
    }
  }

  private end(reason: EpisodeEndReason): void {
    this.ended = { reason, t: this.nowS };
    const success = reason === 'goal_reached';
    const values: Record<MetricName, number | boolean> = {
      success,
      time_s: round6(this.nowS),
      collisions: this.collisions.count,
      path_length_m: round6([...this.paths.values()].reduce((sum, p) => sum + p.metres, 0)),
      energy_wh: round6(this.energy.wattHours),
    };
    const metrics = { seed: this.options.seed } as Record<string, number | boolean>;
    for (const name of this.options.metrics) metrics[name] = values[name];
    this.settle({
      seed: this.options.seed,
      success,
      reason,
      endTimeS: round6(this.nowS),
      metrics: metrics as EpisodeMetrics,
      starts: this.options.starts,
      objectStarts: this.options.objectStarts ?? {},
      trajectories: Object.fromEntries([...this.trajectories].map(([robot, recorder]) => [robot, recorder.finish()])),
      collisions: [...this.collisions.events],
    });
  }
}
