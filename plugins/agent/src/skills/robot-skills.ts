import type { ActionClient, Bus, Clock, nav2_msgs, omnimind_msgs } from '@omnimind/core';
import { AbortedError, omnimind_msgs as gripperMessages } from '@omnimind/core';
import type { ObjectPerception, ObjectSighting } from '../perception/object-perception.js';
import { SimulatedObjectPerception } from '../perception/simulated-object-perception.js';
import { approachObject } from './approach-skill.js';
import { BumperWatch } from './bumper-watch.js';
import { observeObjects } from './observe-skill.js';
import { PoseWatch, type PlanarPose } from './pose-watch.js';
import { pullObject } from './pull-skill.js';
import { pushObject } from './push-skill.js';
import { runGoal } from './run-goal.js';
import { SightingLog } from './sighting-log.js';
import { SkillCancelled, SkillFailed } from './skill-errors.js';
import { SkillLoop, twist } from './skill-loop.js';
import type { SkillRuntime } from './skill-runtime.js';
import type {
  ApproachOptions,
  ObserveOptions,
  PlanarTarget,
  PullOptions,
  PushOptions,
  RobotSkillsOptions,
  SkillOptions,
  SkillProgress,
} from './skill-types.js';

type Settings = Required<Omit<RobotSkillsOptions, 'perception'>>;

const DEFAULTS: Settings = {
  navigateAction: 'navigate_to_pose',
  gripperAction: 'gripper',
  cmdVelTopic: 'cmd_vel',
  poseTopic: 'ground_truth',
  mapFrame: 'map',
  serverTimeoutMs: 5000,
  rotateTolerance: 0.05,
  maxAngularSpeed: 1,
  rotateTimeoutMs: 30_000,
  stillWindowMs: 500,
  settleTimeoutMs: 10_000,
  bumperTopic: 'bumper',
  robotRadius: 0.105,
  gripperOffset: 0.12,
  gripperReach: 0.15,
};
/** Turn rate per radian left: slows down near the target so the robot does not overshoot. */
const TURN_GAIN = 1.5;
/** Slowest useful turn: below this the drive's deadband and friction stall the robot. */
const MIN_ANGULAR_SPEED = 0.1;
/** Movement under these (metres, radians) within the still window counts as standing still. */
const STILL_DISTANCE = 0.005;
const STILL_ANGLE = 0.01;

type NavigateClient = ActionClient<
  nav2_msgs.NavigateToPose_Goal,
  nav2_msgs.NavigateToPose_Feedback,
  nav2_msgs.NavigateToPose_Result
>;
type GripperClient = ActionClient<
  omnimind_msgs.Gripper_Goal,
  omnimind_msgs.Gripper_Feedback,
  omnimind_msgs.Gripper_Result
>;

function checkFinite(skill: string, what: string, value: number): void {
  if (!Number.isFinite(value)) throw new SkillFailed(skill, `${what} must be a finite number, got ${value}`);
}

/**
 * The robot's typed skills, each a cancellable promise: navigate, grasp, release, rotate, wait,
 * dock, and the perception and manipulation skills observe, approach, push and pull.
 * Skills talk to the robot only through the bus (actions, `cmd_vel`, the pose and bumper topics,
 * perception) and time themselves with the robot's clock, so they run as well against the
 * simulator at any speed as against a real robot.
 *
 * @example
 * ```ts
 * const skills = new RobotSkills(system.bus.forNode({ name: 'agent', namespace: '/robot1' }), simClock);
 * const stop = new AbortController();
 * await skills.navigateTo({ x: 4, y: 5, theta: 0 }, { signal: stop.signal, onProgress: console.log });
 * await skills.rotate(Math.PI / 2);
 * const seen = await skills.observe(); // a full turn, every object in sight
 * await skills.approach('red_box');
 * await skills.grasp('red_box');
 * ```
 */
export class RobotSkills {
  private readonly settings: Settings;
  private navigateClient: NavigateClient | undefined;
  private gripperClient: GripperClient | undefined;
  private bumperWatch: BumperWatch | undefined;
  private readonly poseWatch: PoseWatch;
  private readonly loop: SkillLoop;
  private readonly ownsPerception: boolean;
  private readonly sightingLog: SightingLog;
  private readonly runtime: SkillRuntime;
  /** What the perception skills see with (the one given in the options, or the simulated camera detector). */
  readonly perception: ObjectPerception;

  constructor(
    private readonly bus: Bus,
    private readonly clock: Clock,
    options: RobotSkillsOptions = {},
  ) {
    const { perception, ...settings } = options;
    this.settings = { ...DEFAULTS, ...settings };
    // Following the pose from the start lets rotate and dock begin without waiting for a message.
    this.poseWatch = new PoseWatch(bus, this.settings.poseTopic);
    this.loop = new SkillLoop(bus, clock, this.settings.cmdVelTopic);
    this.ownsPerception = perception === undefined;
    this.perception = perception ?? new SimulatedObjectPerception(bus, { poseTopic: this.settings.poseTopic });
    // Sightings are remembered from the start, so push and pull know objects seen before they were asked.
    this.sightingLog = new SightingLog(this.perception, clock);
    this.runtime = this.createRuntime();
  }

  /** The latest pose from the pose topic, or undefined before the first message. */
  get pose(): PlanarPose | undefined {
    return this.watch().pose;
  }

  /**
   * Drives to `pose` (in the map frame) with `NavigateToPose`. Progress is the distance left.
   * Rejects with `SkillFailed` when the navigator fails (its error code and message in `details`).
   */
  async navigateTo(pose: PlanarPose, options: SkillOptions = {}): Promise<void> {
    return this.navigate('navigateTo', pose, options.signal, (distanceRemaining) =>
      options.onProgress?.({ skill: 'navigateTo', distanceRemaining }),
    );
  }

  /** Closes the gripper on `objectId` (or the nearest object in reach when omitted); resolves with the id held. */
  async grasp(objectId?: string, options: SkillOptions = {}): Promise<string> {
    return this.gripper('grasp', gripperMessages.Gripper_Goal.GRASP, objectId ?? '', options);
  }

  /** Opens the gripper; resolves with the id of the object let go. */
  async release(options: SkillOptions = {}): Promise<string> {
    return this.gripper('release', gripperMessages.Gripper_Goal.RELEASE, '', options);
  }

  /**
   * Turns in place by `angleRad` (positive is counter-clockwise), commanding `cmd_vel` at 20 Hz
   * until the measured yaw has changed by the angle within the tolerance, then stops the robot.
   */
  async rotate(angleRad: number, options: SkillOptions = {}): Promise<void> {
    checkFinite('rotate', 'angle', angleRad);
    const { signal, onProgress } = options;
    const watch = this.watch();
    await watch.first('rotate', signal);
    const start = watch.unwrappedYaw;
    const { rotateTolerance, maxAngularSpeed, rotateTimeoutMs } = this.settings;
    const remaining = (): number => angleRad - (watch.unwrappedYaw - start);
    await this.loop.drive('rotate', signal, rotateTimeoutMs, () => {
      const left = remaining();
      if (Math.abs(left) <= rotateTolerance) return undefined;
      onProgress?.({ skill: 'rotate', angleRemaining: left });
      const speed = Math.min(maxAngularSpeed, Math.max(MIN_ANGULAR_SPEED, TURN_GAIN * Math.abs(left)));
      return twist(0, Math.sign(left) * speed);
    });
  }

  /** Waits `seconds` of the robot's clock. */
  async wait(seconds: number, options: SkillOptions = {}): Promise<void> {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new SkillFailed('wait', `duration must be a finite number of seconds >= 0, got ${seconds}`);
    }
    if (options.signal?.aborted) throw new SkillCancelled('wait', options.signal.reason);
    try {
      await this.clock.sleep(seconds * 1000, options.signal);
    } catch (error) {
      if (error instanceof AbortedError) throw new SkillCancelled('wait', options.signal?.reason);
      throw error;
    }
  }

  /** Navigates to `dockPose`, then waits until the robot stands still on it. */
  async dock(dockPose: PlanarPose, options: SkillOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    await this.navigate('dock', dockPose, signal, (distanceRemaining) =>
      onProgress?.({ skill: 'dock', phase: 'navigating', distanceRemaining }),
    );
    onProgress?.({ skill: 'dock', phase: 'settling' });
    await this.settle(signal);
  }

  /**
   * A perception sweep. Without a target: a full turn in place in steps of `sweepStep`, collecting
   * every sighting. With `target` (a point in the map): a turn to face it and a look of
   * `dwellSeconds`. Resolves with the latest sighting of each object seen; progress is the angle swept.
   *
   * @example
   * ```ts
   * const everything = await skills.observe();
   * const atTable = await skills.observe({ target: { x: 2, y: 1 }, dwellSeconds: 2 });
   * ```
   */
  async observe(options: ObserveOptions = {}): Promise<ObjectSighting[]> {
    return observeObjects(this.runtime, options);
  }

  /**
   * Final approach for grasping: the object must be in sight (else `SkillFailed` "object not in
   * sight") and its centre within `maxDistance` (default 1 m). Turns to face it and creeps forward
   * (at most 0.08 m/s) until the gripper point is within reach − `margin` of its edge, assuming a
   * footprint of `objectRadius`. `SkillFailed` on a bump into anything else, or after `timeoutMs`.
   */
  async approach(objectId: string, options: ApproachOptions = {}): Promise<void> {
    return approachObject(this.runtime, objectId, options);
  }

  /**
   * Pushes an object along the floor with the robot's front (no gripper) until its centre is
   * within `tolerance` (default 0.2 m) of `to`, then backs off `backOff` (default 0.3 m). The object
   * must have been seen. `SkillFailed` when it slips off the front (`maxLateralError`) or drifts
   * off course, on a bump into anything else, when navigation fails, or after `timeoutMs`.
   *
   * @example
   * ```ts
   * await skills.observe();
   * await skills.push('red_box', { x: 1.5, y: -0.5 });
   * ```
   */
  async push(objectId: string, to: PlanarTarget, options: PushOptions = {}): Promise<void> {
    return pushObject(this.runtime, objectId, to, options);
  }

  /**
   * Pulls an object with the gripper: approaches and grasps it, drives backwards until its centre
   * is within `tolerance` (default 0.2 m) of `to`, releases it and backs away `backAway` (default
   * 0.3 m). The object must be in sight and within the approach distance.
   */
  async pull(objectId: string, to: PlanarTarget, options: PullOptions = {}): Promise<void> {
    return pullObject(this.runtime, objectId, to, options);
  }

  /** Closes the clients and subscriptions this object opened (and the perception it created). */
  dispose(): void {
    this.poseWatch.close();
    this.sightingLog.close();
    this.bumperWatch?.close();
    if (this.ownsPerception) this.perception.close();
    this.navigateClient?.close();
    this.gripperClient?.close();
  }

  private watch(): PoseWatch {
    return this.poseWatch;
  }

  private createRuntime(): SkillRuntime {
    const { robotRadius, gripperOffset, gripperReach, rotateTolerance } = this.settings;
    return {
      clock: this.clock,
      loop: this.loop,
      poseWatch: this.poseWatch,
      perception: this.perception,
      sightings: this.sightingLog,
      geometry: { robotRadius, gripperOffset, gripperReach },
      rotateTolerance,
      bumper: () => (this.bumperWatch ??= new BumperWatch(this.bus, this.settings.bumperTopic)),
      rotate: (angle, options) => this.rotate(angle, options),
      navigateTo: (pose, options) => this.navigateTo(pose, options),
      grasp: (objectId, options) => this.grasp(objectId, options),
      release: (options) => this.release(options),
      wait: (seconds, options) => this.wait(seconds, options),
    };
  }

  private async navigate(
    skill: string,
    pose: PlanarPose,
    signal: AbortSignal | undefined,
    progress: (distanceRemaining: number) => void,
  ): Promise<void> {
    checkFinite(skill, 'x', pose.x);
    checkFinite(skill, 'y', pose.y);
    checkFinite(skill, 'theta', pose.theta);
    this.navigateClient ??= this.bus.actionClient(this.settings.navigateAction, 'nav2_msgs/action/NavigateToPose');
    const goal: nav2_msgs.NavigateToPose_Goal = {
      pose: {
        header: { stamp: this.clock.now(), frame_id: this.settings.mapFrame },
        pose: {
          position: { x: pose.x, y: pose.y, z: 0 },
          orientation: { x: 0, y: 0, z: Math.sin(pose.theta / 2), w: Math.cos(pose.theta / 2) },
        },
      },
      behavior_tree: '',
    };
    const result = await runGoal(skill, this.navigateClient, goal, {
      signal,
      serverTimeoutMs: this.settings.serverTimeoutMs,
      onFeedback: (f) => progress(f.distance_remaining),
    });
    if (result.error_code !== 0) {
      throw new SkillFailed(skill, result.error_msg || `navigation error ${result.error_code}`, {
        details: { error_code: result.error_code, error_msg: result.error_msg },
      });
    }
  }

  private async gripper(
    skill: 'grasp' | 'release',
    command: number,
    objectId: string,
    options: SkillOptions,
  ): Promise<string> {
    this.gripperClient ??= this.bus.actionClient(this.settings.gripperAction, 'omnimind_msgs/action/Gripper');
    const result = await runGoal(
      skill,
      this.gripperClient,
      { command, object_id: objectId },
      {
        signal: options.signal,
        serverTimeoutMs: this.settings.serverTimeoutMs,
        onFeedback: (f) => options.onProgress?.({ skill, state: f.state } satisfies SkillProgress),
      },
    );
    if (!result.success) {
      throw new SkillFailed(skill, result.message || 'the gripper reported failure', {
        details: { object_id: result.object_id, message: result.message },
      });
    }
    return result.object_id;
  }

  /** Resolves once the pose has moved less than the still thresholds for the still window. */
  private async settle(signal: AbortSignal | undefined): Promise<void> {
    const watch = this.watch();
    let anchor = await watch.first('dock', signal);
    let anchorMs = this.clock.nowMs();
    await this.loop.poll('dock', signal, this.settings.settleTimeoutMs, undefined, () => {
      const now = watch.pose ?? anchor;
      const moved = Math.hypot(now.x - anchor.x, now.y - anchor.y);
      if (moved > STILL_DISTANCE || Math.abs(now.theta - anchor.theta) > STILL_ANGLE) {
        anchor = now;
        anchorMs = this.clock.nowMs();
        return false;
      }
      return this.clock.nowMs() - anchorMs >= this.settings.stillWindowMs;
    });
  }
}
