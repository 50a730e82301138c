import { parse } from '@foxglove/rosmsg';
import { ros2jazzy } from '@foxglove/rosmsg-msgs-common';
import { describe, expect, it } from 'vitest';
import { OmniError } from '../errors/omni-error.js';
import { MessageRegistry, SCHEMA_SEPARATOR } from './message-registry.js';
import { UnknownMessageTypeError } from './message-errors.js';

const registry = MessageRegistry.default();

function thrown(run: () => unknown): OmniError {
  try {
    run();
  } catch (error) {
    if (error instanceof OmniError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('MessageRegistry.default', () => {
  it('holds every ROS 2 Jazzy definition that @foxglove/rosmsg-msgs-common ships, with the same fields', () => {
    const common = Object.entries(ros2jazzy);
    expect(common.length).toBeGreaterThan(150);
    for (const [shortName, foxglove] of common) {
      const [pkg, name] = shortName.split('/');
      const ours = registry.get(`${pkg}/msg/${name}`);
      const theirFields = foxglove.definitions.filter((f) => f.isConstant !== true).map((f) => f.name);
      const theirConstants = foxglove.definitions.filter((f) => f.isConstant === true).map((f) => f.name);
      expect(
        ours.fields.map((f) => f.name),
        shortName,
      ).toEqual(theirFields);
      expect(
        ours.constants.map((c) => c.name),
        shortName,
      ).toEqual(theirConstants);
    }
  });

  it('adds our own packages: vision_msgs, omnimind_msgs, services and the Fibonacci action', () => {
    for (const type of [
      'vision_msgs/msg/Detection2DArray',
      'vision_msgs/msg/Pose2D',
      'vision_msgs/msg/LabelInfo',
      'vision_msgs/msg/VisionInfo',
      'omnimind_msgs/msg/AudioFrame',
      'omnimind_msgs/msg/Heartbeat',
      'omnimind_msgs/msg/LogEntry',
      'std_srvs/srv/Trigger_Response',
    ]) {
      expect(registry.has(type), type).toBe(true);
    }
    expect(registry.listServices()).toEqual(
      expect.arrayContaining([
        'std_srvs/srv/Empty',
        'std_srvs/srv/SetBool',
        'lifecycle_msgs/srv/GetState',
        'lifecycle_msgs/srv/ChangeState',
        'rcl_interfaces/srv/GetParameters',
        'rcl_interfaces/srv/SetParameters',
        'rcl_interfaces/srv/ListParameters',
      ]),
    );
    expect(registry.listActions()).toContain('example_interfaces/action/Fibonacci');
    expect(registry.get('vision_msgs/msg/Pose2D').fields.map((f) => [f.name, f.type])).toEqual([
      ['position', 'vision_msgs/msg/Point2D'],
      ['theta', 'float64'],
    ]);
  });

  it('returns independent registries', () => {
    const a = MessageRegistry.default();
    a.register('extra_msgs/msg/Only', 'int32 x');
    expect(a.has('extra_msgs/msg/Only')).toBe(true);
    expect(MessageRegistry.default().has('extra_msgs/msg/Only')).toBe(false);
  });

  it('passes its own reference check', () => {
    expect(() => registry.check()).not.toThrow();
  });
});

describe('lookups', () => {
  it('resolves the short pkg/Type form and qualifies field types', () => {
    expect(registry.resolve('geometry_msgs/Twist')).toBe('geometry_msgs/msg/Twist');
    const stamped = registry.get('geometry_msgs/TwistStamped');
    expect(stamped.type).toBe('geometry_msgs/msg/TwistStamped');
    expect(stamped.fields).toEqual([
      { name: 'header', type: 'std_msgs/msg/Header', isComplex: true, isArray: false },
      { name: 'twist', type: 'geometry_msgs/msg/Twist', isComplex: true, isArray: false },
    ]);
    expect(registry.get('std_msgs/msg/Header').fields[0]).toMatchObject({ type: 'builtin_interfaces/msg/Time' });
    expect(registry.resolve('std_srvs/Trigger_Request')).toBe('std_srvs/srv/Trigger_Request');
  });

  it('describes arrays, bounds and constants', () => {
    const odom = registry.get('nav_msgs/msg/Odometry');
    expect(registry.get('geometry_msgs/msg/PoseWithCovariance').fields[1]).toMatchObject({
      name: 'covariance',
      type: 'float64',
      isArray: true,
      arrayLength: 36,
    });
    expect(odom.fields.map((f) => f.name)).toEqual(['header', 'child_frame_id', 'pose', 'twist']);
    const state = registry.get('lifecycle_msgs/msg/State');
    expect(state.constants).toContainEqual({
      name: 'PRIMARY_STATE_ACTIVE',
      type: 'uint8',
      value: 3,
      valueText: '3',
    });
    expect(registry.get('rcl_interfaces/msg/ParameterDescriptor').fields).toContainEqual(
      expect.objectContaining({ name: 'integer_range', isArray: true, arrayUpperBound: 1 }),
    );
    expect(registry.get('omnimind_msgs/msg/AudioFrame').constants.map((c) => c.value)).toEqual(['s16le', 'f32le']);
  });

  it('fails on unknown types with OMNI_ERR_UNKNOWN_MESSAGE_TYPE and a did-you-mean', () => {
    const typo = thrown(() => registry.get('geometry_msgs/msg/Twsit'));
    expect(typo).toBeInstanceOf(UnknownMessageTypeError);
    expect(typo.code).toBe('OMNI_ERR_UNKNOWN_MESSAGE_TYPE');
    expect(typo.message).toMatch(
      /unknown message type 'geometry_msgs\/msg\/Twsit'.*did you mean 'geometry_msgs\/msg\/Twist'/,
    );

    const bare = thrown(() => registry.get('TwistStamped')) as UnknownMessageTypeError;
    expect(bare.suggestions[0]).toBe('geometry_msgs/msg/TwistStamped');
    expect(bare.message).toMatch(/not a valid ROS 2 type name/);

    expect((thrown(() => registry.get('sensor_msg/Image')) as UnknownMessageTypeError).suggestions).toContain(
      'sensor_msgs/msg/Image',
    );
    expect(thrown(() => registry.service('std_srvs/srv/Trigerr')).message).toMatch(
      /unknown service type.*did you mean 'std_srvs\/srv\/Trigger'/,
    );
    expect(thrown(() => registry.action('example_interfaces/action/Fibonaci')).message).toMatch(/Fibonacci/);
    expect(registry.has('nope_msgs/msg/Nope')).toBe(false);
  });

  it('describes services and actions with their part types', () => {
    expect(registry.service('std_srvs/Trigger')).toMatchObject({
      type: 'std_srvs/srv/Trigger',
      request: 'std_srvs/srv/Trigger_Request',
      response: 'std_srvs/srv/Trigger_Response',
    });
    expect(registry.get('std_srvs/srv/Trigger_Response').fields.map((f) => f.name)).toEqual(['success', 'message']);
    expect(registry.get('std_srvs/srv/Empty_Request').fields).toEqual([]);
    const fib = registry.action('example_interfaces/action/Fibonacci');
    expect(fib).toMatchObject({
      goal: 'example_interfaces/action/Fibonacci_Goal',
      result: 'example_interfaces/action/Fibonacci_Result',
      feedback: 'example_interfaces/action/Fibonacci_Feedback',
      sendGoalRequest: 'example_interfaces/action/Fibonacci_SendGoal_Request',
      feedbackMessage: 'example_interfaces/action/Fibonacci_FeedbackMessage',
    });
    expect(registry.get(fib.sendGoalRequest).fields.map((f) => f.type)).toEqual([
      'unique_identifier_msgs/msg/UUID',
      'example_interfaces/action/Fibonacci_Goal',
    ]);
    expect(registry.get(fib.getResultResponse).fields.map((f) => f.name)).toEqual(['status', 'result']);
    expect(registry.hasService('std_srvs/srv/SetBool')).toBe(true);
    expect(registry.hasAction('std_srvs/srv/SetBool')).toBe(false);
  });
});

describe('definitionText', () => {
  it('concatenates the dependencies with MSG: headers in first-use order', () => {
    const text = registry.definitionText('geometry_msgs/msg/TwistStamped');
    const headers = [...text.matchAll(/^MSG: (.+)$/gm)].map((m) => m[1]);
    expect(headers).toEqual([
      'std_msgs/Header',
      'geometry_msgs/Twist',
      'builtin_interfaces/Time',
      'geometry_msgs/Vector3',
    ]);
    expect(text).toContain(`\n${SCHEMA_SEPARATOR}\nMSG: std_msgs/Header\n`);
    // Same-package references are qualified so the text parses on its own.
    expect(text).toContain('geometry_msgs/Twist twist');
  });

  it('parses back with @foxglove/rosmsg into the same structure for every type', () => {
    for (const type of registry.list()) {
      const parsed = parse(registry.definitionText(type), { ros2: true });
      const root = parsed[0];
      expect(
        root?.definitions.filter((f) => f.isConstant !== true).map((f) => f.name),
        type,
      ).toEqual(registry.get(type).fields.map((f) => f.name));
      expect(parsed.length, type).toBe(registry.dependencies(type).length + 1);
    }
  });

  it('names the field that uses an unregistered type', () => {
    const partial = new MessageRegistry();
    partial.register('a_msgs/msg/Outer', 'a_msgs/Inner inner');
    const error = thrown(() => partial.definitionText('a_msgs/msg/Outer'));
    expect(error.code).toBe('OMNI_ERR_UNKNOWN_MESSAGE_TYPE');
    expect(error.message).toMatch(/a_msgs\/msg\/Inner.*field 'inner' of a_msgs\/msg\/Outer/);
  });
});

describe('register', () => {
  it('registers messages, services and actions from text', () => {
    const r = new MessageRegistry();
    expect(r.register('my_msgs/Blip', 'int32 id\nstring label "none"\n')).toEqual(['my_msgs/msg/Blip']);
    expect(r.get('my_msgs/msg/Blip').fields[1]).toMatchObject({ name: 'label', defaultValue: 'none' });
    expect(r.register('my_msgs/srv/Ping', 'string text\n---\nstring echo\n')).toEqual([
      'my_msgs/srv/Ping_Request',
      'my_msgs/srv/Ping_Response',
    ]);
    expect(r.register('my_msgs/action/Go', 'float64 x\n---\nbool ok\n---\nfloat64 left\n')).toHaveLength(8);
    expect(r.listActions()).toEqual(['my_msgs/action/Go']);
  });

  it('accepts the same definition twice but refuses a different one under the same name', () => {
    const r = MessageRegistry.default();
    expect(() =>
      r.register('geometry_msgs/msg/Vector3', '# same data, other comment\nfloat64 x\nfloat64 y\nfloat64 z'),
    ).not.toThrow();
    const conflict = thrown(() => r.register('geometry_msgs/msg/Vector3', 'float32 x'));
    expect(conflict.code).toBe('OMNI_ERR_MESSAGE_TYPE_CONFLICT');
    expect(r.get('geometry_msgs/msg/Vector3').fields).toHaveLength(3);
  });

  it('reports malformed definitions with file:line:col', () => {
    const r = new MessageRegistry();
    const bad = thrown(() =>
      r.register('my_msgs/msg/Bad', '# comment\nint32 ok\nint32 Bad-Name\n', { source: 'msg/Bad.msg' }),
    );
    expect(bad.code).toBe('OMNI_ERR_MESSAGE_DEFINITION');
    expect(bad.message).toMatch(/^msg\/Bad\.msg:3:1: /);

    const noSource = thrown(() => r.register('my_msgs/msg/Worse', 'int32 x\n  int32 x\n'));
    expect(noSource.message).toMatch(/^my_msgs\/msg\/Worse\.msg:2:3: 'x' is declared twice/);

    const srv = thrown(() => r.register('my_msgs/srv/Two', 'int32 a\n---\nint32 b\n---\nint32 c\n'));
    expect(srv.message).toMatch(/^my_msgs\/srv\/Two\.srv:4:1: too many '---'/);
    expect(thrown(() => r.register('my_msgs/action/One', 'int32 a\n---\nint32 b\n')).message).toMatch(
      /expected 2 '---' separators/,
    );
    const srvLine = thrown(() => r.register('my_msgs/srv/Line', 'int32 a\n---\nbool 5oops\n'));
    expect(srvLine.message).toMatch(/^my_msgs\/srv\/Line\.srv:3:1: /);
    expect(thrown(() => r.register('My_Msgs/msg/X', 'int32 a')).code).toBe('OMNI_ERR_MESSAGE_DEFINITION');
    expect(thrown(() => r.register('my_msgs/msg/Has_Underscore', 'int32 a')).code).toBe('OMNI_ERR_MESSAGE_DEFINITION');
    expect(thrown(() => r.register('my_msgs/msg/Sep', 'int32 a\n===\nMSG: x/Y\nint32 b')).message).toMatch(
      /:2:1: unexpected separator/,
    );
    expect(thrown(() => r.register('my_msgs/msg/Def', 'int32[2] a [1, 2, 3]')).message).toMatch(/exactly 2/);
  });

  it('catches mistyped field types, suggesting close names', () => {
    const r = MessageRegistry.default();
    const primitive = thrown(() =>
      r.register('my_msgs/msg/Typo', 'float64 ok\nflaot64 speed\n', { source: 'Typo.msg' }),
    );
    expect(primitive.code).toBe('OMNI_ERR_MESSAGE_DEFINITION');
    expect(primitive.message).toMatch(/^Typo\.msg:2:1: 'flaot64' is neither a primitive type.*did you mean 'float64'/);

    r.register('my_msgs/msg/Ref', 'float64 ok\n  geometry_msgs/Twsit cmd\n', { source: 'Ref.msg' });
    const reference = thrown(() => r.check(['my_msgs/msg/Ref']));
    expect(reference.code).toBe('OMNI_ERR_MESSAGE_DEFINITION');
    expect(reference.message).toMatch(
      /^Ref\.msg:2:3: field 'cmd' of my_msgs\/msg\/Ref has unknown type 'geometry_msgs\/msg\/Twsit'; did you mean 'geometry_msgs\/msg\/Twist'/,
    );
  });
});
