import { parse } from '@foxglove/rosmsg';
import { MessageReader } from '@foxglove/rosmsg2-serialization';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { createCdrCodec, decodeCdr, encodeCdr } from './cdr-codec.js';
import { createDefaultMessage } from './default-message.js';
import { MessageRegistry } from './message-registry.js';
import type { PrimitiveTypeName } from './message-definition.js';
import { PRIMITIVES } from './primitive-types.js';
import { arbitraryMessage } from './testing/arbitrary-message.js';

const registry = MessageRegistry.default();

const ROUND_TRIP_TYPES = [
  'sensor_msgs/msg/LaserScan',
  'geometry_msgs/msg/TwistStamped',
  'sensor_msgs/msg/Image',
  'omnimind_msgs/msg/AudioFrame',
  'omnimind_msgs/msg/DetectionArray',
  'nav_msgs/msg/Odometry',
  'tf2_msgs/msg/TFMessage',
  'diagnostic_msgs/msg/DiagnosticArray',
  'rcl_interfaces/msg/ParameterEvent',
  'test_msgs/msg/Builtins',
  'example_interfaces/action/Fibonacci_SendGoal_Request',
];

function expectDecodeError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(hasErrorCode(error, 'OMNI_ERR_CDR_DECODE'), String(error)).toBe(true);
    return;
  }
  expect.unreachable('decoding should have failed');
}

describe('CDR codec', () => {
  it('writes the standard ROS 2 layout (little-endian header, length-prefixed strings)', () => {
    const bytes = encodeCdr(registry, 'std_msgs/msg/String', { data: 'hi' });
    expect([...bytes]).toEqual([0, 1, 0, 0, 3, 0, 0, 0, 104, 105, 0]);
    expect(decodeCdr(registry, 'std_msgs/String', bytes)).toEqual({ data: 'hi' });
  });

  it('caches one codec per registry and type', () => {
    const a = createCdrCodec(registry, 'geometry_msgs/msg/Twist');
    expect(createCdrCodec(registry, 'geometry_msgs/Twist')).toBe(a);
    expect(createCdrCodec(registry, 'geometry_msgs/msg/Twist', { validate: false })).not.toBe(a);
    expect(createCdrCodec(MessageRegistry.default(), 'geometry_msgs/msg/Twist')).not.toBe(a);
  });

  it.each(ROUND_TRIP_TYPES)('round-trips arbitrary %s messages', (type) => {
    const codec = createCdrCodec(registry, type);
    fc.assert(
      fc.property(arbitraryMessage(registry, type), (message) => {
        expect(codec.decode(codec.encode(message))).toEqual(message);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips every registered type, and decodes to the representation the generated types declare', () => {
    for (const type of registry.list()) {
      const codec = createCdrCodec(registry, type);
      const sample = fc.sample(arbitraryMessage(registry, type, { maxArrayLength: 2 }), { numRuns: 3, seed: 42 });
      for (const message of sample) expect(codec.decode(codec.encode(message)), type).toEqual(message);
      const decoded = codec.decode(codec.encode(createDefaultMessage(registry, type)));
      for (const field of registry.get(type).fields) {
        if (field.isComplex) continue;
        const info = PRIMITIVES[field.type as PrimitiveTypeName];
        const value = decoded[field.name];
        if (!field.isArray) expect(typeof value, `${type}.${field.name}`).toBe(info.js);
        else if (info.arrayConstructor) expect(value, `${type}.${field.name}`).toBeInstanceOf(info.arrayConstructor);
        else expect(Array.isArray(value), `${type}.${field.name}`).toBe(true);
      }
    }
  });

  it('produces bytes that a decoder built from the exported schema text reads back', () => {
    for (const type of ['omnimind_msgs/msg/AudioFrame', 'vision_msgs/msg/Detection2DArray', 'sensor_msgs/msg/Imu']) {
      const reader = new MessageReader(parse(registry.definitionText(type), { ros2: true }));
      fc.assert(
        fc.property(arbitraryMessage(registry, type), (message) => {
          expect(reader.readMessage(encodeCdr(registry, type, message))).toEqual(message);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('validates before encoding unless told not to', () => {
    const twist = createDefaultMessage(registry, 'geometry_msgs/msg/Twist');
    const bad = { ...twist, linear: { x: 'fast', y: 0, z: 0 } };
    expect(() => encodeCdr(registry, 'geometry_msgs/msg/Twist', bad)).toThrow(/linear\.x: expected float64/);
    const unchecked = encodeCdr(registry, 'geometry_msgs/msg/Twist', bad, { validate: false });
    expect(decodeCdr(registry, 'geometry_msgs/msg/Twist', unchecked).linear.x).toBe(0);
  });

  it('reports writer failures as OMNI_ERR_CDR_ENCODE', () => {
    const custom = MessageRegistry.default();
    custom.register('wide_msgs/msg/Wide', 'wstring text\n');
    try {
      encodeCdr(custom, 'wide_msgs/msg/Wide', { text: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_CDR_ENCODE')).toBe(true);
    }
  });

  describe('untrusted bytes', () => {
    const FUZZ_TYPES = [...ROUND_TRIP_TYPES, 'sensor_msgs/msg/PointCloud2', 'vision_msgs/msg/Detection3DArray'];
    const header = fc.constantFrom([0, 1, 0, 0], [0, 0, 0, 0], [0, 3, 0, 0], [0, 1, 0, 0]);

    it.each(FUZZ_TYPES)('never crashes on garbage for %s: a message or OMNI_ERR_CDR_DECODE', (type) => {
      const codec = createCdrCodec(registry, type);
      fc.assert(
        fc.property(header, fc.uint8Array({ maxLength: 300 }), fc.boolean(), (head, body, withHeader) => {
          const bytes = withHeader ? new Uint8Array([...head, ...body]) : body;
          try {
            expect(typeof codec.decode(bytes)).toBe('object');
          } catch (error) {
            expect(hasErrorCode(error, 'OMNI_ERR_CDR_DECODE'), String(error)).toBe(true);
          }
        }),
        { numRuns: 400 },
      );
    });

    it.each(['sensor_msgs/msg/LaserScan', 'omnimind_msgs/msg/AudioFrame', 'tf2_msgs/msg/TFMessage'])(
      'rejects every truncation of a valid %s message',
      (type) => {
        const codec = createCdrCodec(registry, type);
        fc.assert(
          fc.property(arbitraryMessage(registry, type), fc.nat(), (message, cut) => {
            const bytes = codec.encode(message);
            const length = cut % bytes.byteLength;
            expectDecodeError(() => codec.decode(bytes.subarray(0, length)));
          }),
          { numRuns: 200 },
        );
      },
    );

    it('does not read past the end of a view into the rest of its buffer', () => {
      const codec = createCdrCodec(registry, 'std_msgs/msg/String');
      const whole = codec.encode({ data: 'a longer string that will be cut' });
      // The view ends mid-string, but the underlying buffer still holds the rest.
      expectDecodeError(() => codec.decode(whole.subarray(0, 12)));
    });

    it('rejects a non-buffer argument', () => {
      expectDecodeError(() => decodeCdr(registry, 'std_msgs/msg/String', 'nope' as unknown as Uint8Array));
    });

    it('names the type and the size in the error', () => {
      expect(() => decodeCdr(registry, 'std_msgs/msg/Int32', new Uint8Array([0, 1, 0, 0, 7]))).toThrow(
        /cannot decode 5 bytes as CDR std_msgs\/msg\/Int32/,
      );
    });
  });
});
