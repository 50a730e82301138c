import type {
  ActionClient,
  Bus,
  Clock,
  Timer,
  Topic,
  geometry_msgs,
  nav2_msgs,
  omnimind_msgs,
  OmniError,
} from '@omnimind/core';
import { AbortedError, omnimind_msgs as gripperMessages } from '@omnimind/core';
import { PoseWatch, type PlanarPose } from './pose-watch.js';
import { runGoal } from './run-goal.js';
import { SkillCancelled, SkillFailed } from './skill-errors.js';
import type { RobotSkillsOptions, SkillOptions, SkillProgress } from './skill-types.js';

type Settings = Required<RobotSkillsOptions>;

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
};

/** Command period of velocity-driven skills: 20 Hz. */
const COMMAND_PERIOD_MS = 50;
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

function twist(angular: number): geometry_msgs.Twist {
  return { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: angular } };
}

function checkFinite(skill: string, what: string, value: number): void {
  if (!Number.isFinite(value)) throw new SkillFailed(skill, `${what} must be a finite number, got ${value}`);
}

/**
 * The robot's typed skills, each a cancellable promise: navigate, grasp, release, rotate, wait, dock.
 * Skills talk to the robot only through the bus (actions, `cmd_vel`, the pose topic) and time
 * themselves with the robot's clock, so they run as well against the simulator at any speed as
 * against a real robot.
 *
 * @example
 * ```ts
 * const skills = new RobotSkills(system.bus.forNode({ name: 'agent', namespace: '/robot1' }), simClock);
 * const stop = new AbortController();
 * await skills.navigateTo({ x: 4, y: 5, theta: 0 }, { signal: stop.signal, onProgress: console.log });
 * await skills.rotate(Math.PI / 2);
 * ```
 */
export class RobotSkills {
  private readonly settings: Settings;
  private navigateClient: NavigateClient | undefined;
  private gripperClient: GripperClient | undefined;
  private cmdVel: Topic<geometry_msgs.Twist> | undefined;
  private readonly poseWatch: PoseWatch;

  constructor(
    private readonly bus: Bus,
    private readonly clock: Clock,
    options: RobotSkillsOptions = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
    // Following the pose from the start lets rotate and dock begin without waiting for a message.
    this.poseWatch = new PoseWatch(bus, this.settings.poseTopic);
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
    await this.drive('rotate', signal, rotateTimeoutMs, () => {
      const left = remaining();
      if (Math.abs(left) <= rotateTolerance) return undefined;
      onProgress?.({ skill: 'rotate', angleRemaining: left });
      const speed = Math.min(maxAngularSpeed, Math.max(MIN_ANGULAR_SPEED, TURN_GAIN * Math.abs(left)));
      return twist(Math.sign(left) * speed);
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

  /** Closes the clients and subscriptions this object opened. */
  dispose(): void {
    this.poseWatch.close();
    this.navigateClient?.close();
    this.gripperClient?.close();
  }

  private watch(): PoseWatch {
    return this.poseWatch;
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
    await this.poll('dock', signal, this.settings.settleTimeoutMs, undefined, () => {
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

  /** Publishes the command `step` returns at 20 Hz until it returns undefined; always ends with a zero twist. */
  private async drive(
    skill: string,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    step: () => geometry_msgs.Twist | undefined,
  ): Promise<void> {
    this.cmdVel ??= this.bus.topic(this.settings.cmdVelTopic, 'geometry_msgs/msg/Twist');
    const cmdVel = this.cmdVel;
    await this.poll(
      skill,
      signal,
      timeoutMs,
      () => cmdVel.publish(twist(0)),
      () => {
        const command = step();
        if (command) cmdVel.publish(command);
        return command === undefined;
      },
    );
  }

  /**
   * Calls `done` now and then every command period of the clock until it returns true, the timeout
   * passes (`SkillFailed`) or `signal` aborts (`SkillCancelled`); `stop` runs once in every case.
   */
  private poll(
    skill: string,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    stop: (() => void) | undefined,
    done: () => boolean,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const deadline = this.clock.nowMs() + timeoutMs;
      let timer: Timer | undefined;
      let finished = false;
      const finish = (error?: OmniError): void => {
        if (finished) return;
        finished = true;
        timer?.cancel();
        signal?.removeEventListener('abort', onAbort);
        stop?.();
        if (error) reject(error);
        else resolve();
      };
      const onAbort = (): void => finish(new SkillCancelled(skill, signal?.reason));
      const tick = (): void => {
        if (finished) return;
        try {
          if (done()) return finish();
        } catch (error) {
          return finish(
            new SkillFailed(skill, error instanceof Error ? error.message : String(error), { cause: error }),
          );
        }
        if (this.clock.nowMs() >= deadline) finish(new SkillFailed(skill, `not done within ${timeoutMs} ms`));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      tick();
      if (!finished) timer = this.clock.createTimer(COMMAND_PERIOD_MS, tick);
    });
  }
}
