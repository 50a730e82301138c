import type { Subscription } from 'rxjs';
import { normalizeAngle, type Bus, type nav_msgs } from '@omnimind/core';
import { SkillCancelled } from './skill-errors.js';

/** A planar pose: metres and radians. */
export interface PlanarPose {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** Yaw of a quaternion, for a body that only turns about z (as well as for a general one). */
export function quaternionYaw(q: { x: number; y: number; z: number; w: number }): number {
  return Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
}

/**
 * Follows a robot's pose topic (`nav_msgs/msg/Odometry`) and keeps the latest planar pose and an
 * unwrapped yaw, so that turns of more than half a revolution can be measured.
 */
export class PoseWatch {
  private latest: PlanarPose | undefined;
  private unwrapped = 0;
  private readonly waiters = new Set<() => void>();
  private readonly subscription: Subscription;

  constructor(bus: Bus, topic: string) {
    this.subscription = bus
      .topic(topic, 'nav_msgs/msg/Odometry')
      .observe()
      .subscribe((event) => this.update(event.message));
  }

  /** The latest pose, or undefined before the first message. */
  get pose(): PlanarPose | undefined {
    return this.latest;
  }

  /** Yaw accumulated over every message since the first one (not wrapped), in radians. */
  get unwrappedYaw(): number {
    return this.unwrapped;
  }

  /** Resolves with the latest pose once there is one; rejects with {@link SkillCancelled} for `skill` on abort. */
  first(skill: string, signal?: AbortSignal): Promise<PlanarPose> {
    const now = this.latest;
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters.delete(onPose);
        reject(new SkillCancelled(skill, signal?.reason));
      };
      const onPose = (): void => {
        signal?.removeEventListener('abort', onAbort);
        if (this.latest) resolve(this.latest);
      };
      if (signal?.aborted) return onAbort();
      this.waiters.add(onPose);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Stops following the topic. */
  close(): void {
    this.subscription.unsubscribe();
    this.waiters.clear();
  }

  private update(odometry: nav_msgs.Odometry): void {
    const { position, orientation } = odometry.pose.pose;
    const theta = quaternionYaw(orientation);
    const previous = this.latest;
    this.unwrapped = previous ? this.unwrapped + normalizeAngle(theta - previous.theta) : theta;
    this.latest = { x: position.x, y: position.y, theta };
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter();
  }
}
