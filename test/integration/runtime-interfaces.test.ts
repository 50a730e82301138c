import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLaunch, type RunningSystem, type Bus } from '@omnimind/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const silent = new Writable({ write: (_c, _e, done) => done() });

describe('ROS 2 interfaces a running system offers on its bus', () => {
  let system: RunningSystem;
  let probe: Bus;

  beforeEach(async () => {
    // The demo's heartbeat part: the interfaces are the same for every node, and the mission's
    // simulation would only load the machine.
    system = await startLaunch(join(root, 'launch', 'heartbeat.launch.yaml'), {
      logLevel: 'silent',
      logDestination: silent,
    });
    probe = system.bus.forNode({ name: 'probe' });
  });
  afterEach(() => system.shutdown());

  it('serves lifecycle_msgs GetState and ChangeState for every node', async () => {
    const getState = probe.serviceClient('/demo/heartbeat/get_state', 'lifecycle_msgs/srv/GetState');
    const changeState = probe.serviceClient('/demo/heartbeat/change_state', 'lifecycle_msgs/srv/ChangeState');
    expect(await getState.call({})).toEqual({ current_state: { id: 3, label: 'active' } });

    const events: { start: string; goal: string }[] = [];
    probe
      .topic('/demo/heartbeat/transition_event', 'lifecycle_msgs/msg/TransitionEvent')
      .subscribe((e) => void events.push({ start: e.message.start_state.label, goal: e.message.goal_state.label }));

    expect(await changeState.call({ transition: { id: 4, label: '' } })).toEqual({ success: true });
    expect(system.control.lifecycleGet('/demo/heartbeat')).toBe('inactive');
    expect(await getState.call({})).toEqual({ current_state: { id: 2, label: 'inactive' } });
    expect(events).toEqual([
      { start: 'active', goal: 'deactivating' },
      { start: 'active', goal: 'inactive' },
    ]);
    expect(await changeState.call({ transition: { id: 0, label: 'deactivate' } })).toEqual({ success: false });
    expect(await changeState.call({ transition: { id: 99, label: 'fly' } })).toEqual({ success: false });
    expect(await changeState.call({ transition: { id: 0, label: 'activate' } })).toEqual({ success: true });
    expect(system.control.lifecycleGet('/demo/heartbeat')).toBe('active');
  });

  it('publishes accepted parameter changes on /parameter_events', async () => {
    const seen: unknown[] = [];
    probe.topic('/parameter_events', 'rcl_interfaces/msg/ParameterEvent').subscribe((e) => void seen.push(e.message));
    expect((await system.control.paramSet('/demo/heartbeat', 'rate_hz', 'fast')).successful).toBe(false);
    expect((await system.control.paramSet('/demo/heartbeat', 'rate_hz', 4)).successful).toBe(true);
    expect(seen).toEqual([
      {
        stamp: expect.objectContaining({ sec: expect.any(Number) }),
        node: '/demo/heartbeat',
        new_parameters: [],
        changed_parameters: [{ name: 'rate_hz', value: expect.objectContaining({ type: 2, integer_value: 4n }) }],
        deleted_parameters: [],
      },
    ]);
  });
});
