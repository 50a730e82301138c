// The plugin of docs/guides/plugin-authoring.md, verbatim, so that the guide is tested.
import { definePlugin } from '@omnimind/core';
import { z } from 'zod';

export const odometryLogger = definePlugin({
  name: 'odometry-logger',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Counts odometry messages and publishes a summary.',
  params: z.object({
    topic: z.string().default('odom').describe('Odometry topic to watch.'),
    period_s: z.number().positive().default(1).describe('Summary period.'),
  }),
  configure(ctx) {
    // Build what the instance needs; the returned object is this instance's state.
    return {
      odom: ctx.bus.topic(ctx.params.values.topic, 'nav_msgs/msg/Odometry'),
      summary: ctx.bus.topic('~/summary', 'std_msgs/msg/String'),
      count: 0,
    };
  },
  activate(ctx, state) {
    // Start the work. Subscriptions and timers made here are released at deactivate.
    state.odom.subscribe(() => {
      state.count += 1;
    });
    ctx.createTimer(ctx.params.values.period_s * 1000, () => {
      state.summary.publish({ data: `${state.count} odometry messages` });
    });
  },
  deactivate(ctx, state) {
    ctx.logger.info({ count: state.count }, 'stopping');
  },
});
