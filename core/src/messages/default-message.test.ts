import { describe, expect, it } from 'vitest';
import { createDefaultMessage } from './default-message.js';
import { MessageRegistry } from './message-registry.js';

const registry = MessageRegistry.default();
registry.register(
  'defaults_msgs/msg/Defaults',
  [
    'uint8 MODE_FAST=1',
    'int32 retries 3',
    'float64[] gains [1.0, 2.5]',
    'string name "robot"',
    'int64 big 9007199254740993',
    'uint64[2] pair [4, 5]',
    'bool enabled true',
    'string[] tags ["a", "b"]',
    'float32[3] zeros',
  ].join('\n'),
);

describe('createDefaultMessage', () => {
  it('fills zeros, empty strings and nested defaults', () => {
    expect(createDefaultMessage(registry, 'geometry_msgs/msg/TwistStamped')).toEqual({
      header: { stamp: { sec: 0, nanosec: 0 }, frame_id: '' },
      twist: { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } },
    });
  });

  it('uses the representation the decoder produces: typed arrays, bigint, plain arrays', () => {
    const image = createDefaultMessage(registry, 'sensor_msgs/msg/Image');
    expect(image.data).toBeInstanceOf(Uint8Array);
    expect(image.data).toHaveLength(0);
    const odom = createDefaultMessage(registry, 'nav_msgs/msg/Odometry');
    expect(odom.pose.covariance).toEqual(new Float64Array(36));
    expect(createDefaultMessage(registry, 'std_msgs/msg/UInt64').data).toBe(0n);
    expect(createDefaultMessage(registry, 'sensor_msgs/msg/JointState').name).toEqual([]);
    expect(createDefaultMessage(registry, 'unique_identifier_msgs/msg/UUID').uuid).toEqual(new Uint8Array(16));
    expect(createDefaultMessage(registry, 'std_msgs/msg/Empty')).toEqual({});
  });

  it('honours declared default values and leaves constants out', () => {
    expect(createDefaultMessage(registry, 'defaults_msgs/msg/Defaults')).toEqual({
      retries: 3,
      gains: new Float64Array([1, 2.5]),
      name: 'robot',
      big: 9007199254740993n,
      pair: new BigUint64Array([4n, 5n]),
      enabled: true,
      tags: ['a', 'b'],
      zeros: new Float32Array(3),
    });
  });

  it('returns fresh objects on every call', () => {
    const a = createDefaultMessage(registry, 'defaults_msgs/msg/Defaults');
    const b = createDefaultMessage(registry, 'defaults_msgs/msg/Defaults');
    (a.tags as string[]).push('c');
    (a.gains as Float64Array)[0] = 9;
    expect(b.tags).toEqual(['a', 'b']);
    expect((b.gains as Float64Array)[0]).toBe(1);
    const path = createDefaultMessage(registry, 'nav_msgs/msg/Path');
    expect(path.header).not.toBe(createDefaultMessage(registry, 'nav_msgs/msg/Path').header);
  });

  it('throws OMNI_ERR_UNKNOWN_MESSAGE_TYPE for unknown types', () => {
    expect(() => createDefaultMessage(registry, 'nope_msgs/msg/Nope')).toThrow(/unknown message type/);
  });
});
