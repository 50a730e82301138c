import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultMessage } from './default-message.js';
import { MessageInvalidError } from './message-errors.js';
import { MessageRegistry } from './message-registry.js';
import { arbitraryMessage } from './testing/arbitrary-message.js';
import { assertValidMessage, validateMessage } from './validate-message.js';

const registry = MessageRegistry.default();
registry.register(
  'check_msgs/msg/Bounds',
  'string<=4 code\nint32[<=2] few\nfloat32[3] three\nint64 big\nuint64[] bigs\nbool[] flags',
);

const text = (type: string, value: unknown): string[] =>
  validateMessage(registry, type, value).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));

describe('validateMessage', () => {
  it('accepts default and arbitrary messages of every type', () => {
    for (const type of registry.list()) {
      expect(validateMessage(registry, type, createDefaultMessage(registry, type)), type).toEqual([]);
      for (const sample of fc.sample(arbitraryMessage(registry, type, { maxArrayLength: 2 }), {
        numRuns: 2,
        seed: 7,
      })) {
        expect(validateMessage(registry, type, sample), type).toEqual([]);
      }
    }
  });

  it('reports wrong primitive types with the JSON path', () => {
    const pose = createDefaultMessage(registry, 'geometry_msgs/msg/PoseStamped');
    (pose.pose.position as { x: unknown }).x = 'north';
    expect(text('geometry_msgs/msg/PoseStamped', pose)).toEqual([
      'pose.position.x: expected float64 (number), got string',
    ]);
  });

  it('reports missing and unknown fields, with a did-you-mean', () => {
    expect(text('geometry_msgs/msg/Twist', { linera: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0 } })).toEqual([
      'linear: missing field (expected geometry_msgs/msg/Vector3)',
      'angular.z: missing field (expected float64)',
      "linera: unknown field of geometry_msgs/msg/Twist (did you mean 'linear'?)",
    ]);
  });

  it('checks integer kinds and ranges', () => {
    const status = createDefaultMessage(registry, 'omnimind_msgs/msg/TaskStatus');
    expect(text('omnimind_msgs/msg/TaskStatus', { ...status, state: 256 })).toEqual([
      'state: expected uint8 (integer 0..255), got 256 (out of range)',
    ]);
    expect(text('omnimind_msgs/msg/TaskStatus', { ...status, state: 1.5 })).toEqual([
      'state: expected uint8 (integer 0..255), got 1.5',
    ]);
    expect(text('std_msgs/msg/UInt64', { data: 3 })).toEqual([
      'data: expected uint64 (bigint 0..18446744073709551615), got number',
    ]);
    expect(text('std_msgs/msg/UInt64', { data: -1n })[0]).toMatch(/got -1 \(out of range\)/);
    expect(text('std_msgs/msg/Int64', { data: 2n ** 63n })[0]).toMatch(/got 9223372036854775808 \(out of range\)/);
    expect(text('std_msgs/msg/Float32', { data: 1e39 })[0]).toMatch(/^data: expected float32/);
    expect(text('std_msgs/msg/Float32', { data: Number.NaN })).toEqual([]);
    expect(text('std_msgs/msg/Float64', { data: Number.POSITIVE_INFINITY })).toEqual([]);
  });

  it('checks typed-array kinds, fixed lengths, bounds and nested array elements', () => {
    const odom = createDefaultMessage(registry, 'nav_msgs/msg/Odometry');
    odom.pose.covariance = new Float64Array(35);
    expect(text('nav_msgs/msg/Odometry', odom)).toEqual(['pose.covariance: expected exactly 36 elements, got 35']);

    const scan = createDefaultMessage(registry, 'sensor_msgs/msg/LaserScan');
    expect(text('sensor_msgs/msg/LaserScan', { ...scan, ranges: [1, 2] })).toEqual([
      'ranges: expected float32[] (Float32Array), got Array',
    ]);
    expect(text('sensor_msgs/msg/LaserScan', { ...scan, ranges: new Float64Array(2) })).toEqual([
      'ranges: expected float32[] (Float32Array), got Float64Array',
    ]);

    const path = createDefaultMessage(registry, 'nav_msgs/msg/Path');
    const stamped = createDefaultMessage(registry, 'geometry_msgs/msg/PoseStamped');
    path.poses = [stamped, { ...stamped, pose: { ...stamped.pose, orientation: null } } as never];
    expect(text('nav_msgs/msg/Path', path)).toEqual([
      'poses[1].pose.orientation: expected geometry_msgs/msg/Quaternion (object), got null',
    ]);

    const bounds = {
      code: 'abcde',
      few: new Int32Array(3),
      three: new Float32Array(3),
      big: 0n,
      bigs: [1n],
      flags: [true, 1],
    };
    expect(text('check_msgs/msg/Bounds', bounds)).toEqual([
      'code: expected at most 4 bytes of UTF-8, got 5',
      'few: expected at most 2 elements, got 3',
      'bigs: expected uint64[] (BigUint64Array), got Array',
      'flags[1]: expected bool (boolean), got number',
    ]);
    expect(
      text('check_msgs/msg/Bounds', {
        ...bounds,
        code: 'ééé',
        few: new Int32Array(2),
        bigs: new BigUint64Array(1),
        flags: [],
      }),
    ).toEqual(['code: expected at most 4 bytes of UTF-8, got 6']);
  });

  it('rejects non-objects at the root and caps the problem list', () => {
    expect(text('std_msgs/msg/Header', 5)).toEqual(['expected std_msgs/msg/Header (object), got number']);
    const many = { poses: Array.from({ length: 50 }, () => ({})) };
    const problems = validateMessage(registry, 'geometry_msgs/msg/PoseArray', many, { maxProblems: 10 });
    expect(problems).toHaveLength(11);
    expect(problems[10]?.message).toMatch(/more problems not listed/);
  });

  it('finds the problem planted anywhere in an arbitrary message', () => {
    fc.assert(
      fc.property(
        arbitraryMessage(registry, 'sensor_msgs/msg/Imu'),
        fc.constantFrom('x', 'y', 'z', 'w'),
        (imu, axis) => {
          (imu.orientation as Record<string, unknown>)[axis] = `${axis}!`;
          expect(text('sensor_msgs/msg/Imu', imu)).toEqual([
            `orientation.${axis}: expected float64 (number), got string`,
          ]);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('assertValidMessage', () => {
  it('throws OMNI_ERR_MESSAGE_INVALID listing every problem', () => {
    let caught: unknown;
    try {
      assertValidMessage(registry, 'geometry_msgs/msg/Vector3', { x: '1', y: null });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MessageInvalidError);
    const error = caught as MessageInvalidError;
    expect(error.code).toBe('OMNI_ERR_MESSAGE_INVALID');
    expect(error.problems.map((p) => p.path)).toEqual(['x', 'y', 'z']);
    expect(error.message).toContain('invalid geometry_msgs/msg/Vector3 message (3 problems)');
    expect(error.message).toContain('  - x: expected float64 (number), got string');
  });

  it('passes valid messages through and narrows their type', () => {
    const value: unknown = createDefaultMessage(registry, 'geometry_msgs/msg/Vector3');
    assertValidMessage(registry, 'geometry_msgs/msg/Vector3', value);
    expect(value.x + value.y + value.z).toBe(0);
  });
});
