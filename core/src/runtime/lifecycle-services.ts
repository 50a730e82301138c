import type { Bus } from '../bus/bus-types.js';
import type { Logger } from '../logging/logger.js';
import {
  STATE_IDS,
  TRANSITION_IDS,
  isTransitionLabel,
  type LifecycleTransitionLabel,
} from '../plugin-host/lifecycle.js';
import type { PluginHost } from '../plugin-host/plugin-host.js';

/**
 * Serves ROS 2's lifecycle services for every node, as `rclcpp_lifecycle` does:
 * `<node>/get_state` (`lifecycle_msgs/srv/GetState`) and `<node>/change_state`
 * (`lifecycle_msgs/srv/ChangeState`), so bridges and ROS 2 tools can drive managed nodes.
 * A transition is given by id or by label.
 */
export function serveLifecycleServices(host: PluginHost, bus: Bus, logger: Logger): void {
  const byId = new Map(Object.entries(TRANSITION_IDS).map(([label, id]) => [id, label as LifecycleTransitionLabel]));
  for (const instance of host.list()) {
    bus.serviceServer(`${instance.name}/get_state`, 'lifecycle_msgs/srv/GetState', () => ({
      current_state: { id: STATE_IDS[instance.state], label: instance.state },
    }));
    bus.serviceServer(`${instance.name}/change_state`, 'lifecycle_msgs/srv/ChangeState', async (request) => {
      const { id, label } = request.transition;
      const transition = isTransitionLabel(label) ? label : byId.get(id);
      if (!transition) return { success: false };
      try {
        await instance.transition(transition);
        return { success: true };
      } catch (error) {
        logger.warn({ err: error, node: instance.name, transition }, 'change_state refused');
        return { success: false };
      }
    });
  }
}
