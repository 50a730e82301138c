import {
  OmniError,
  createToken,
  definePlugin,
  timeToMs,
  type nav_msgs,
  type omnimind_msgs,
  type sensor_msgs,
} from '@omnimind/core';
import { poseFromOdometry } from '../driver/goal-driver-plugin.js';
import type { EpisodeMonitor } from './episode-monitor.js';
import { ScenarioErrorCode } from './scenario-errors.js';

/** The token under which the episode runner hands its monitor to the probe node. */
export const EPISODE_MONITOR = createToken<EpisodeMonitor>('scenario.episode-monitor');

/**
 * The node through which the episode runner watches a running scenario: it feeds `/clock`, each
 * robot's `ground_truth`, `bumper` and `battery_state`, and `/sim/objects` to the runner's
 * {@link EpisodeMonitor}. It subscribes while configuring, before the simulator takes its first step.
 */
export const episodeProbe = definePlugin({
  name: 'episode-probe',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Feeds the simulator topics of a scenario episode to the episode runner (internal).',
  configure(ctx) {
    if (!ctx.container.isRegistered(EPISODE_MONITOR, true)) {
      throw new OmniError(
        ScenarioErrorCode.Episode,
        'episode-probe runs only inside an episode: no episode monitor was provided',
      );
    }
    const monitor = ctx.container.resolve(EPISODE_MONITOR);
    const bus = ctx.bus;
    ctx.subscribe(
      bus.topic('/clock', 'rosgraph_msgs/msg/Clock').observe({ depth: 1, reliability: 'best_effort' }),
      (event) => monitor.onClock(timeToMs(event.message.clock) / 1000),
    );
    for (const robot of monitor.robots) {
      ctx.subscribe(
        bus.topic<nav_msgs.Odometry>(`/${robot}/ground_truth`, 'nav_msgs/msg/Odometry').observe(),
        (event) => monitor.onGroundTruth(robot, poseFromOdometry(event.message)),
      );
      ctx.subscribe(
        bus.topic<omnimind_msgs.BumperEvent>(`/${robot}/bumper`, 'omnimind_msgs/msg/BumperEvent').observe(),
        (event) => monitor.onBumper(robot, event.message.pressed, event.message.contacts),
      );
      ctx.subscribe(
        bus.topic<sensor_msgs.BatteryState>(`/${robot}/battery_state`, 'sensor_msgs/msg/BatteryState').observe(),
        (event) => monitor.onBattery(robot, event.message.percentage, event.message.capacity, event.message.voltage),
      );
    }
    ctx.subscribe(
      bus.topic<omnimind_msgs.ObjectStateArray>('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray').observe(),
      (event) =>
        monitor.onObjects(
          event.message.objects.map((o) => ({ id: o.id, x: o.pose.x, y: o.pose.y, held: o.held_by !== '' })),
        ),
    );
    return monitor;
  },
});
