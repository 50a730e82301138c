import { describe, expect, expectTypeOf, it } from 'vitest';
import { MessageBus } from './message-bus.js';
import { ManualClock } from '../time/manual-clock.js';
import type { example_interfaces, std_srvs } from '../messages/generated/index.js';

describe('typed services and actions from the generated type maps', () => {
  it('infers request, response, goal, feedback and result types from the type name', async () => {
    const bus = new MessageBus({ clock: new ManualClock() });
    const server = bus.forNode({ name: 'server' });
    const client = bus.forNode({ name: 'client' });

    server.serviceServer('set_flag', 'std_srvs/srv/SetBool', (request) => {
      expectTypeOf(request).toEqualTypeOf<std_srvs.SetBool_Request>();
      return { success: request.data, message: request.data ? 'on' : 'off' };
    });
    const setFlag = client.serviceClient('set_flag', 'std_srvs/srv/SetBool');
    const response = await setFlag.call({ data: true });
    expectTypeOf(response).toEqualTypeOf<std_srvs.SetBool_Response>();
    expect(response).toEqual({ success: true, message: 'on' });

    server.actionServer('fibonacci', 'example_interfaces/action/Fibonacci', {
      async execute(handle) {
        expectTypeOf(handle.goal).toEqualTypeOf<example_interfaces.Fibonacci_Goal>();
        const sequence = [0, 1];
        for (let i = 2; i <= handle.goal.order; i++) {
          sequence.push((sequence[i - 1] ?? 0) + (sequence[i - 2] ?? 0));
          handle.publishFeedback({ sequence: Int32Array.from(sequence) });
        }
        return { sequence: Int32Array.from(sequence) };
      },
    });
    const fibonacci = client.actionClient('fibonacci', 'example_interfaces/action/Fibonacci');
    const goal = await fibonacci.sendGoal({ order: 6 });
    const result = await goal.result;
    expectTypeOf(result).toEqualTypeOf<example_interfaces.Fibonacci_Result>();
    expect(Array.from(result.sequence)).toEqual([0, 1, 1, 2, 3, 5, 8]);
    bus.dispose();
  });
});
