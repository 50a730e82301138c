import { definePlugin, timeToMs, type Topic, type omnimind_msgs } from '@omnimind/core';
import { z } from 'zod';

/** Parameters of the heartbeat plugin. */
export const heartbeatParams = z.object({
  rate_hz: z.number().positive().max(1000).default(1).describe('Heartbeats per second (clock time).'),
  topic: z.string().default('heartbeat').describe('Topic the heartbeats are published on.'),
  crash_after: z
    .int()
    .min(0)
    .default(0)
    .describe('Throw from the timer after this many beats (0 = never); shows crash isolation and restarts.'),
});

/** Per-instance state of a heartbeat node. */
export interface HeartbeatState {
  readonly topic: Topic<omnimind_msgs.Heartbeat>;
  seq: number;
  readonly startedMs: number;
}

/**
 * Publishes `omnimind_msgs/msg/Heartbeat` at `rate_hz` on the node's clock: the smallest
 * useful publisher, and the "talker" of the examples.
 */
export const heartbeat = definePlugin({
  name: 'heartbeat',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Publishes a heartbeat at a fixed rate.',
  params: heartbeatParams,
  provides: ['heartbeat'],
  configure(ctx): HeartbeatState {
    // Offering a deadline (twice the period) lets subscribers request one: ROS 2 connects a
    // subscription with a deadline only to publishers that offer an equal or shorter one.
    const topic = ctx.bus.topic(ctx.params.values.topic, 'omnimind_msgs/msg/Heartbeat', {
      qos: { deadlineMs: 2000 / ctx.params.values.rate_hz },
    });
    topic.advertise();
    return { topic, seq: 0, startedMs: ctx.clock.nowMs() };
  },
  activate(ctx, state) {
    const beat = (): void => {
      state.seq += 1;
      const { crash_after } = ctx.params.values;
      if (crash_after > 0 && state.seq > crash_after) {
        throw new Error(`heartbeat ${state.seq} exceeds crash_after=${crash_after}`);
      }
      const stamp = ctx.clock.now();
      state.topic.publish({
        header: { stamp, frame_id: '' },
        node: ctx.fullyQualifiedName,
        seq: state.seq,
        uptime_sec: (timeToMs(stamp) - state.startedMs) / 1000,
      });
    };
    let timer = ctx.createTimer(1000 / ctx.params.values.rate_hz, beat);
    // A new rate takes effect at once: swap the timer.
    ctx.subscribe(ctx.params.changes, (change) => {
      if (change.name !== 'rate_hz') return;
      timer.cancel();
      timer = ctx.createTimer(1000 / ctx.params.values.rate_hz, beat);
    });
  },
  onParamChange(_ctx, _state, change) {
    if (change.name === 'topic')
      return { accept: false, reason: 'topic is fixed once configured; cleanup and configure again' };
    return { accept: true };
  },
});
