import { describe, expect, it } from 'vitest';
import { MessageRegistry } from '../messages/message-registry.js';
import { validateMessage } from '../messages/validate-message.js';
import { parameterChangedEvent, toParameterValue } from './parameter-event.js';

describe('toParameterValue', () => {
  it('tags each JS value with its rcl_interfaces/ParameterType', () => {
    expect(toParameterValue(true)).toMatchObject({ type: 1, bool_value: true });
    expect(toParameterValue(42)).toMatchObject({ type: 2, integer_value: 42n });
    expect(toParameterValue(0.5)).toMatchObject({ type: 3, double_value: 0.5 });
    expect(toParameterValue('x')).toMatchObject({ type: 4, string_value: 'x' });
    expect(toParameterValue([true, false])).toMatchObject({ type: 6, bool_array_value: [true, false] });
    expect(Array.from(toParameterValue([1, 2]).integer_array_value)).toEqual([1n, 2n]);
    expect(Array.from(toParameterValue([1, 2.5]).double_array_value)).toEqual([1, 2.5]);
    expect(toParameterValue(['a'])).toMatchObject({ type: 9, string_array_value: ['a'] });
    expect(toParameterValue({ a: 1 })).toMatchObject({ type: 4, string_value: '{"a":1}' });
    expect(toParameterValue(undefined)).toMatchObject({ type: 0 });
  });

  it('builds ParameterEvents that validate against the ROS 2 definition', () => {
    const registry = MessageRegistry.default();
    for (const value of [true, 3, 2.5, 'text', [1, 2], [0.5], ['a', 'b'], [false], { nested: true }]) {
      const event = parameterChangedEvent({ sec: 1, nanosec: 2 }, '/n', 'p', value);
      expect(validateMessage(registry, 'rcl_interfaces/msg/ParameterEvent', event)).toEqual([]);
    }
  });
});
