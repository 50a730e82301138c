import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createDefaultMessage } from './default-message.js';
import { fillMessage } from './fill-message.js';
import { MessageInvalidError } from './message-errors.js';
import { MessageRegistry } from './message-registry.js';
import { arbitraryMessage } from './testing/arbitrary-message.js';

const registry = MessageRegistry.default();

function problems(type: string, partial: unknown): string[] {
  try {
    fillMessage(registry, type, partial);
  } catch (error) {
    expect(error).toBeInstanceOf(MessageInvalidError);
    expect((error as MessageInvalidError).code).toBe('OMNI_ERR_MESSAGE_INVALID');
    return (error as MessageInvalidError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected fillMessage to fail');
}

describe('fillMessage', () => {
  it('deep-merges a partial over the default', () => {
    expect(fillMessage(registry, 'geometry_msgs/msg/Twist', { linear: { x: 0.5 }, angular: { z: -1 } })).toEqual({
      linear: { x: 0.5, y: 0, z: 0 },
      angular: { x: 0, y: 0, z: -1 },
    });
    expect(fillMessage(registry, 'geometry_msgs/Twist', undefined)).toEqual(
      createDefaultMessage(registry, 'geometry_msgs/msg/Twist'),
    );
  });

  it('takes YAML as typed on a command line', () => {
    const partial: unknown = parseYaml('{header: {frame_id: base_link}, seq: 42, node: 7, uptime_sec: "1.5"}');
    expect(fillMessage(registry, 'omnimind_msgs/msg/Heartbeat', partial)).toEqual({
      header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'base_link' },
      seq: 42,
      node: '7',
      uptime_sec: 1.5,
    });
  });

  it('converts numbers, strings and arrays to what the type needs', () => {
    expect(fillMessage(registry, 'std_msgs/msg/Int64', { data: '-9223372036854775808' }).data).toBe(-(2n ** 63n));
    expect(fillMessage(registry, 'std_msgs/msg/Bool', { data: 'true' }).data).toBe(true);
    expect(fillMessage(registry, 'std_msgs/msg/Int32', { data: 12n }).data).toBe(12);
    const scan = fillMessage(registry, 'sensor_msgs/msg/LaserScan', { ranges: [1, 2.5, '3'], intensities: [] });
    expect(scan.ranges).toEqual(new Float32Array([1, 2.5, 3]));
    expect(fillMessage(registry, 'std_msgs/msg/UInt64MultiArray', { data: [1, '2', 3n] }).data).toEqual(
      new BigUint64Array([1n, 2n, 3n]),
    );
    expect(fillMessage(registry, 'sensor_msgs/msg/CompressedImage', { data: 'AQID' }).data).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    const samples = new Uint8Array([9, 8]);
    expect(fillMessage(registry, 'omnimind_msgs/msg/AudioFrame', { samples }).samples).toBe(samples);
    expect(fillMessage(registry, 'sensor_msgs/msg/JointState', { name: ['a', 2] }).name).toEqual(['a', '2']);
    expect(fillMessage(registry, 'std_msgs/msg/Float32MultiArray', { data: new Float64Array([0.5, 2]) }).data).toEqual(
      new Float32Array([0.5, 2]),
    );
    expect(fillMessage(registry, 'std_msgs/msg/Int16MultiArray', { data: new Uint8Array([7]) }).data).toEqual(
      new Int16Array([7]),
    );
  });

  it('fills each element of message arrays over its own default', () => {
    const path = fillMessage(registry, 'nav_msgs/msg/Path', { poses: [{ pose: { position: { x: 1 } } }, {}] });
    expect(path.poses).toHaveLength(2);
    expect(path.poses[0]?.pose.position).toEqual({ x: 1, y: 0, z: 0 });
    expect(path.poses[0]?.pose.orientation).toEqual({ x: 0, y: 0, z: 0, w: 1 });
    expect(path.poses[1]).toEqual(createDefaultMessage(registry, 'geometry_msgs/msg/PoseStamped'));
  });

  it('understands now, auto and seconds for times and headers', () => {
    const now = (): { sec: number; nanosec: number } => ({ sec: 100, nanosec: 5 });
    const stamped = fillMessage(registry, 'geometry_msgs/msg/PointStamped', { header: 'auto' }, { now });
    expect(stamped.header).toEqual({ stamp: { sec: 100, nanosec: 5 }, frame_id: '' });
    expect(fillMessage(registry, 'std_msgs/msg/Header', { stamp: 'now', frame_id: 'map' }, { now }).stamp).toEqual({
      sec: 100,
      nanosec: 5,
    });
    expect(fillMessage(registry, 'builtin_interfaces/msg/Duration', 2.25)).toEqual({ sec: 2, nanosec: 250_000_000 });
    expect(problems('std_msgs/msg/Header', { stamp: 'now' })).toEqual([
      "stamp: 'now' needs a clock; give {sec, nanosec} instead",
    ]);
  });

  it('reports every problem with its path and a did-you-mean for unknown fields', () => {
    expect(
      problems('geometry_msgs/msg/TwistStamped', {
        twist: { linera: { x: 1 }, angular: { z: 'spin' } },
        header: { frame_id: {} },
      }),
    ).toEqual([
      "twist.linera: unknown field of geometry_msgs/msg/Twist (did you mean 'linear'?)",
      'twist.angular.z: expected float64 (number), got string',
      'header.frame_id: expected string (string), got object',
    ]);
  });

  it('range-checks values, including elements headed for typed arrays', () => {
    expect(problems('sensor_msgs/msg/Image', { height: -1, data: [1, 300, 2] })).toEqual([
      'data[1]: expected uint8 (integer 0..255), got 300 (out of range)',
      'height: expected uint32 (integer 0..4294967295), got -1 (out of range)',
    ]);
    expect(problems('std_msgs/msg/UInt8', { data: 256 })).toEqual([
      'data: expected uint8 (integer 0..255), got 256 (out of range)',
    ]);
    expect(problems('std_msgs/msg/Int64', { data: 2 ** 60 })).toEqual([
      'data: 1152921504606847000 cannot be an exact int64; write it as a string or bigint',
    ]);
    expect(problems('nav_msgs/msg/Odometry', { pose: { covariance: [1, 2] } })).toEqual([
      'pose.covariance: expected exactly 36 elements, got 2',
    ]);
    expect(problems('sensor_msgs/msg/CompressedImage', { data: 'not base64!' })).toEqual([
      'data: expected uint8[] as numbers or a base64 string, got a non-base64 string',
    ]);
    expect(problems('geometry_msgs/msg/Point', [1, 2, 3])).toEqual([
      ': expected geometry_msgs/msg/Point (object), got Array',
    ]);
  });

  it('is the identity on complete, valid messages', () => {
    for (const type of [
      'sensor_msgs/msg/Imu',
      'omnimind_msgs/msg/DetectionArray',
      'rcl_interfaces/msg/ParameterEvent',
    ]) {
      fc.assert(
        fc.property(arbitraryMessage(registry, type), (message) => {
          expect(fillMessage(registry, type, message)).toEqual(message);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('rebuilds a message from its JSON form (bigints as strings, typed arrays as number arrays)', () => {
    const type = 'sensor_msgs/msg/PointCloud2';
    fc.assert(
      fc.property(arbitraryMessage(registry, type), (message) => {
        const json: unknown = JSON.parse(
          JSON.stringify(message, (_key, value: unknown) =>
            typeof value === 'bigint'
              ? value.toString()
              : ArrayBuffer.isView(value)
                ? Array.from(value as Uint8Array)
                : value,
          ),
        );
        expect(fillMessage(registry, type, json)).toEqual(message);
      }),
      { numRuns: 50 },
    );
  });
});
