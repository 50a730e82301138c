import { didYouMean, type Bus } from '@omnimind/core';
import type { Simulation } from '../engine/engine-types.js';

/**
 * Serves the simulator's test hooks on `bus`: `/sim/set_object_pose`
 * (`omnimind_msgs/srv/SetObjectPose`, teleports a movable object) and `/sim/set_battery_charge`
 * (`omnimind_msgs/srv/SetBatteryCharge`, sets a robot's state of charge). Both answer
 * `success: false` with the reason instead of failing the call. Returns a function that closes them.
 */
export function serveTestHooks(bus: Bus, simulation: Simulation): () => void {
  const setPose = bus.serviceServer('/sim/set_object_pose', 'omnimind_msgs/srv/SetObjectPose', (request) => {
    const { x, y, theta } = request.pose;
    return simulation.setObjectPose(request.id, { x, y, theta });
  });
  const setCharge = bus.serviceServer('/sim/set_battery_charge', 'omnimind_msgs/srv/SetBatteryCharge', (request) =>
    setBatteryCharge(simulation, request.robot, request.charge),
  );
  return () => {
    setPose.close();
    setCharge.close();
  };
}

/** Sets the charge of robot `name`, or says why it cannot (unknown robot, charge not in [0, 1]). */
export function setBatteryCharge(
  simulation: Simulation,
  name: string,
  charge: number,
): { success: boolean; message: string } {
  const robot = simulation.robots.find((r) => r.name === name);
  if (robot === undefined) {
    const known = simulation.robots.map((r) => r.name);
    const suggestion = didYouMean(name, known);
    return {
      success: false,
      message:
        `no robot '${name}'` +
        (suggestion ? `; did you mean '${suggestion}'?` : '') +
        ` (robots: ${known.join(', ') || 'none'})`,
    };
  }
  if (!(Number.isFinite(charge) && charge >= 0 && charge <= 1))
    return { success: false, message: `charge must be a number in [0, 1], got ${charge}` };
  robot.setBatteryCharge(charge);
  return { success: true, message: `battery of '${name}' set to ${charge}` };
}
