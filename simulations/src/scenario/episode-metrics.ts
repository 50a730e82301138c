import type { Vec2 } from '../world/world-types.js';

/** Distance travelled along a sequence of positions (sum of the straight segments between them). */
export class PathLength {
  private last: Vec2 | undefined;
  private total = 0;

  /** Adds the next position. */
  add(position: Vec2): void {
    if (this.last) this.total += Math.hypot(position.x - this.last.x, position.y - this.last.y);
    this.last = { x: position.x, y: position.y };
  }

  /** Metres so far. */
  get metres(): number {
    return this.total;
  }
}

/** One collision: the moment the bumper went from released to pressed. */
export interface CollisionEvent {
  /** Simulated seconds since the start. */
  readonly t: number;
  readonly robot: string;
  /** Ids of what was touched (walls, obstacles, objects, robots). */
  readonly with: readonly string[];
}

/** Counts collisions as rising edges of a robot's bumper: a robot pressed against a wall counts once. */
export class CollisionCounter {
  private readonly pressed = new Map<string, boolean>();
  private readonly found: CollisionEvent[] = [];

  /** Applies a bumper state of `robot` seen at simulated time `t` (seconds). */
  update(robot: string, t: number, pressed: boolean, contacts: readonly string[]): void {
    if (pressed && !this.pressed.get(robot)) this.found.push({ t, robot, with: [...contacts] });
    this.pressed.set(robot, pressed);
  }

  /** Collisions so far. */
  get count(): number {
    return this.found.length;
  }

  /** Each collision so far, in order. */
  get events(): readonly CollisionEvent[] {
    return this.found;
  }
}

/**
 * Energy drawn from the batteries, from successive `sensor_msgs/BatteryState` readings: each drop of
 * the charge fraction is worth capacity (Ah) × drop × voltage (V) watt-hours. Charging (a rise) gives
 * nothing back: the metric is what the robot used, not the net change.
 */
export class EnergyMeter {
  private readonly lastCharge = new Map<string, number>();
  private total = 0;

  /** Sets the charge fraction `robot` starts from, so that the drop before its first reading counts. */
  start(robot: string, percentage: number): void {
    this.lastCharge.set(robot, percentage);
  }

  /** Applies a reading of `robot`: `percentage` 0–1 (as ROS 2 defines it), capacity in Ah, voltage in V. */
  add(robot: string, percentage: number, capacityAh: number, voltage: number): void {
    if (!Number.isFinite(percentage) || !Number.isFinite(capacityAh) || !Number.isFinite(voltage)) return;
    const last = this.lastCharge.get(robot);
    if (last !== undefined && percentage < last) this.total += capacityAh * (last - percentage) * voltage;
    this.lastCharge.set(robot, percentage);
  }

  /** Watt-hours so far. */
  get wattHours(): number {
    return this.total;
  }
}
