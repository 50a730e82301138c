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
    };

/** What every skill call accepts. */
export interface SkillOptions {
  /** Aborting stops the skill: its goal is cancelled or its velocity zeroed, and it rejects with `SkillCancelled`. */
  readonly signal?: AbortSignal;
  /** Called with progress while the skill runs. */
  readonly onProgress?: (progress: SkillProgress) => void;
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
}
