import { definePlugin, timeToMs, type Topic, type diagnostic_msgs, type omnimind_msgs } from '@omnimind/core';
import { z } from 'zod';

/** Parameters of the monitor plugin. */
export const monitorParams = z.object({
  topic: z.string().default('heartbeat').describe('Heartbeat topic to watch.'),
  timeout_s: z.number().positive().default(3).describe('Silence after which the source is reported stale.'),
  report_period_s: z.number().positive().default(1).describe('How often /diagnostics is published.'),
});

/** Diagnostic levels of `diagnostic_msgs/msg/DiagnosticStatus`. */
const OK = 0;
const STALE = 3;

/** Per-instance state of a monitor node. */
export interface MonitorState {
  readonly heartbeats: Topic<omnimind_msgs.Heartbeat>;
  readonly diagnostics: Topic<diagnostic_msgs.DiagnosticArray>;
  received: number;
  lastMs: number | undefined;
  missedDeadlines: number;
}

/**
 * Watches heartbeats (the "listener"): uses a QoS deadline to notice silence, and publishes
 * `diagnostic_msgs/msg/DiagnosticArray` on `/diagnostics` with the rate seen and OK/STALE.
 */
export const monitor = definePlugin({
  name: 'monitor',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Reports the health of a heartbeat topic on /diagnostics.',
  params: monitorParams,
  dependsOn: ['heartbeat'],
  configure(ctx): MonitorState {
    return {
      heartbeats: ctx.bus.topic(ctx.params.values.topic, 'omnimind_msgs/msg/Heartbeat'),
      diagnostics: ctx.bus.topic('/diagnostics', 'diagnostic_msgs/msg/DiagnosticArray'),
      received: 0,
      lastMs: undefined,
      missedDeadlines: 0,
    };
  },
  activate(ctx, state) {
    const timeoutMs = ctx.params.values.timeout_s * 1000;
    state.heartbeats.subscribe(
      () => {
        state.received += 1;
        state.lastMs = ctx.clock.nowMs();
      },
      { deadlineMs: timeoutMs },
    );
    ctx.subscribe(ctx.bus.events, (event) => {
      if (event.kind === 'deadline_missed' && event.topic === state.heartbeats.name) state.missedDeadlines += 1;
    });
    let lastReport = { received: 0, ms: ctx.clock.nowMs() };
    ctx.createTimer(ctx.params.values.report_period_s * 1000, () => {
      const now = ctx.clock.nowMs();
      const rateHz = ((state.received - lastReport.received) * 1000) / Math.max(1, now - lastReport.ms);
      lastReport = { received: state.received, ms: now };
      const stale = state.lastMs === undefined || now - state.lastMs > timeoutMs;
      state.diagnostics.publish({
        header: { stamp: ctx.clock.now(), frame_id: '' },
        status: [
          {
            level: stale ? STALE : OK,
            name: `${ctx.fullyQualifiedName}: ${state.heartbeats.name}`,
            message: stale ? 'no heartbeat' : 'ok',
            hardware_id: '',
            values: [
              { key: 'received', value: String(state.received) },
              { key: 'rate_hz', value: rateHz.toFixed(2) },
              { key: 'deadline_misses', value: String(state.missedDeadlines) },
              {
                key: 'heartbeat_age_ms',
                value:
                  state.lastMs === undefined ? 'never' : String(Math.round(timeToMs(ctx.clock.now()) - state.lastMs)),
              },
            ],
          },
        ],
      });
    });
  },
});
