import type { ObjectPerception } from '../perception/object-perception.js';

/** Progress a skill reports while it runs, tagged by skill. */
export type SkillProgress =
  | {
      readonly skill: 'navigateTo';
      /** Path length left to the goal, in metres (the navigator's `distance_remaining`). */
      readonly distanceRemaining: number;
    }
  | {
      readonly skill: 'grasp' | 'release';
      /** The gripper's own progress word (`closing`, `lifting`, ...). */
      readonly state: string;
    }
  | {
      readonly skill: 'rotate';
      /** Angle still to turn, in radians (signed like the requested angle). */
      readonly angleRemaining: number;
    }
  | {
      readonly skill: 'dock';
      /** `navigating` while driving to the dock, `settling` while waiting for the robot to stand still. */
      readonly phase: 'navigating' | 'settling';
      /** Path length left while navigating, in metres. */
      readonly distanceRemaining?: number;
    }
  | {
      readonly skill: 'observe';
      /** Angle turned so far, in radians (0 while turning to face a target and while dwelling). */
      readonly angleSwept: number;
      /** Objects seen so far (distinct ids). */
      readonly objectsSeen: number;
    }
  | {
      readonly skill: 'approach';
      /** `facing` while turning to the object, `creeping` while driving up to it. */
      readonly phase: 'facing' | 'creeping';
      /** Distance the gripper point still has to close, in metres (while creeping). */
      readonly distanceRemaining?: number;
    }
  | {
      readonly skill: 'push';
      /** What the push is doing now. */
      readonly phase: 'navigating' | 'facing' | 'pushing' | 'backingOff';
      /** Path length left to the pre-push pose while navigating, in metres (the navigator's). */
      readonly distanceRemaining?: number;
      /** Distance from the object to the target while pushing, in metres. */
      readonly objectToTarget?: number;
    }
  | {
      readonly skill: 'pull';
      /** What the pull is doing now. */
      readonly phase: 'approaching' | 'grasping' | 'turning' | 'pulling' | 'releasing' | 'backingAway';
      /** Distance from the object to the target while pulling, in metres. */
      readonly objectToTarget?: number;
    };

/** What every skill call accepts. */
export interface SkillOptions {
  /** Aborting stops the skill: its goal is cancelled or its velocity zeroed, and it rejects with `SkillCancelled`. */
  readonly signal?: AbortSignal;
  /** Called with progress while the skill runs. */
  readonly onProgress?: (progress: SkillProgress) => void;
}

/** A point in the map frame, in metres. */
export interface PlanarTarget {
  readonly x: number;
  readonly y: number;
}

/** Options of {@link RobotSkills.observe}. */
export interface ObserveOptions extends SkillOptions {
  /** Look at this point (turn to face it, then dwell) instead of sweeping a full circle. */
  readonly target?: PlanarTarget;
  /** How long to look at the target, in seconds of the robot's clock (default 1). */
  readonly dwellSeconds?: number;
  /** Turn of each step of the full sweep, in radians (default π/2). */
  readonly sweepStep?: number;
}

/** Options of {@link RobotSkills.approach}. */
export interface ApproachOptions extends SkillOptions {
  /** Assumed radius of the object's footprint, in metres (default 0.1; the ground truth has no size). */
  readonly objectRadius?: number;
  /** Stop this much closer than the gripper's reach, in metres (default 0.08). */
  readonly margin?: number;
  /** Refuse objects whose centre is farther than this from the robot, in metres (default 1). */
  readonly maxDistance?: number;
  /** Creeping speed, in m/s (default 0.06, at most 0.08). */
  readonly speed?: number;
  /** How long the approach may take, in clock milliseconds (default 30000). */
  readonly timeoutMs?: number;
}

/** Options of {@link RobotSkills.push}. */
export interface PushOptions extends SkillOptions {
  /** Done when the object's centre is this close to the target, in metres (default 0.2). */
  readonly tolerance?: number;
  /** Assumed radius of the object's footprint, in metres (default 0.1). */
  readonly objectRadius?: number;
  /** Pushing speed, in m/s (default 0.1). */
  readonly speed?: number;
  /** Fail when the object's centre drifts this far sideways off the robot's front, in metres (default 0.12). */
  readonly maxLateralError?: number;
  /** Distance to back off after the push, in metres (default 0.3). */
  readonly backOff?: number;
  /** How long the whole push may take, in clock milliseconds (default 90000). */
  readonly timeoutMs?: number;
}

/** Options of {@link RobotSkills.pull}. */
export interface PullOptions extends SkillOptions {
  /** Done when the object's centre is this close to the target, in metres (default 0.2). */
  readonly tolerance?: number;
  /** Assumed radius of the object's footprint for the approach, in metres (default 0.1). */
  readonly objectRadius?: number;
  /** Reversing speed, in m/s (default 0.08). */
  readonly speed?: number;
  /** Distance to back away after releasing, in metres (default 0.3). */
  readonly backAway?: number;
  /** How long the whole pull may take, in clock milliseconds (default 90000). */
  readonly timeoutMs?: number;
}

/** Configuration of {@link RobotSkills}; names are relative to the robot's namespace. */
export interface RobotSkillsOptions {
  /** `nav2_msgs/action/NavigateToPose` action name (default `navigate_to_pose`). */
  readonly navigateAction?: string;
  /** `omnimind_msgs/action/Gripper` action name (default `gripper`). */
  readonly gripperAction?: string;
  /** `geometry_msgs/msg/Twist` velocity topic (default `cmd_vel`). */
  readonly cmdVelTopic?: string;
  /** `nav_msgs/msg/Odometry` pose topic (default `ground_truth`). */
  readonly poseTopic?: string;
  /** Frame of navigation goals (default `map`). */
  readonly mapFrame?: string;
  /** How long to wait for an action server, in clock milliseconds (default 5000). */
  readonly serverTimeoutMs?: number;
  /** Yaw tolerance of `rotate`, in radians (default 0.05). */
  readonly rotateTolerance?: number;
  /** Fastest turn of `rotate`, in rad/s (default 1). */
  readonly maxAngularSpeed?: number;
  /** How long `rotate` may take, in clock milliseconds (default 30000). */
  readonly rotateTimeoutMs?: number;
  /** How long the pose must stay put for `dock` to call the robot still, in clock milliseconds (default 500). */
  readonly stillWindowMs?: number;
  /** How long `dock` waits for the robot to stand still after arriving, in clock milliseconds (default 10000). */
  readonly settleTimeoutMs?: number;
  /** Latched `omnimind_msgs/msg/BumperEvent` topic (default `bumper`). */
  readonly bumperTopic?: string;
  /** Radius of the robot's circular footprint, in metres (default 0.105, the mobile manipulator's). */
  readonly robotRadius?: number;
  /** Gripper point ahead of the base, in metres (default 0.12). */
  readonly gripperOffset?: number;
  /** Gripper reach from its point to an object's edge, in metres (default 0.15). */
  readonly gripperReach?: number;
  /**
   * What the perception skills (`observe`, `approach`, `push`, `pull`) see with. Default: a
   * `SimulatedObjectPerception` on the same bus, closed by `dispose`.
   */
  readonly perception?: ObjectPerception;
}
