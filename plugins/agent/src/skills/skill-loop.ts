import type { Bus, Clock, Timer, Topic, geometry_msgs, OmniError } from '@omnimind/core';
import { SkillCancelled, SkillError, SkillFailed } from './skill-errors.js';

/** Command period of velocity-driven skills: 20 Hz. */
export const COMMAND_PERIOD_MS = 50;

/** A planar velocity command: `linear` m/s forward, `angular` rad/s counter-clockwise. */
export function twist(linear: number, angular: number): geometry_msgs.Twist {
  return { linear: { x: linear, y: 0, z: 0 }, angular: { x: 0, y: 0, z: angular } };
}

/**
 * The clocked loop under every velocity-driven skill: calls a step every command period until it
 * is done, times out or is aborted, and always leaves the robot with a zero twist.
 */
export class SkillLoop {
  private cmdVel: Topic<geometry_msgs.Twist> | undefined;

  constructor(
    private readonly bus: Bus,
    private readonly clock: Clock,
    private readonly cmdVelTopic: string,
  ) {}

  /**
   * Publishes the command `step` returns at 20 Hz until it returns undefined; always ends with a
   * zero twist. A `SkillError` thrown by `step` ends the skill as it is; any other error becomes
   * `SkillFailed`.
   */
  drive(
    skill: string,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    step: () => geometry_msgs.Twist | undefined,
  ): Promise<void> {
    this.cmdVel ??= this.bus.topic(this.cmdVelTopic, 'geometry_msgs/msg/Twist');
    const cmdVel = this.cmdVel;
    return this.poll(
      skill,
      signal,
      timeoutMs,
      () => cmdVel.publish(twist(0, 0)),
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
  poll(
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
          if (error instanceof SkillError) return finish(error);
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
