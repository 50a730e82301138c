import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidNameError,
  normalizeNamespace,
  resolveTopicName,
  topicNameProblem,
  validateNodeName,
  validateTopicName,
} from './topic-names.js';

describe('ROS 2 topic name rules', () => {
  it.each(['scan', '/scan', '/robot1/odom', 'a/b_c/D9', '~', '~/status', '_hidden', '/_omnimind/x'])(
    'accepts %s',
    (name) => {
      expect(topicNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['', /empty/],
    ['/bad name', /only letters, digits and '_'/],
    ['//x', /'\/\/'/],
    ['/x/', /must not end with '\/'/],
    ['/', /after the root/],
    ['9lives', /must not start with a digit/],
    ['/a/2b', /'2b' must not start with a digit/],
    ['a~b', /'~' may only appear first/],
    ['~~', /'~' may only appear first/],
    ['~x', /'~' may only appear first/],
    ['/~/x', /'~' may only appear first/],
    ['a-b', /only letters/],
  ])('rejects %j', (name, why) => {
    expect(topicNameProblem(name)).toMatch(why);
    expect(() => validateTopicName(name)).toThrow(InvalidNameError);
  });

  it('gives a coded error naming the kind, the name and the reason', () => {
    try {
      validateTopicName('/bad name', 'service');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'OMNI_ERR_INVALID_NAME', details: { kind: 'service', name: '/bad name' } });
      expect((error as Error).message).toBe(
        "invalid service name '/bad name': token 'bad name' may contain only letters, digits and '_'",
      );
    }
  });

  it('validates node names and namespaces', () => {
    expect(() => validateNodeName('heartbeat_1')).not.toThrow();
    expect(() => validateNodeName('1heart')).toThrow(/node name/);
    expect(() => validateNodeName('a/b')).toThrow(InvalidNameError);
    expect(normalizeNamespace(undefined)).toBe('/');
    expect(normalizeNamespace('robot1')).toBe('/robot1');
    expect(normalizeNamespace('/robot1/arm/')).toBe('/robot1/arm');
    expect(() => normalizeNamespace('/robot 1')).toThrow(/namespace/);
    expect(() => normalizeNamespace('~/x')).toThrow(/namespace/);
  });
});

describe('resolveTopicName', () => {
  it('resolves relative, absolute and private names like rcl', () => {
    expect(resolveTopicName('scan', '/robot1', 'lidar')).toBe('/robot1/scan');
    expect(resolveTopicName('/scan', '/robot1', 'lidar')).toBe('/scan');
    expect(resolveTopicName('~/status', '/robot1', 'lidar')).toBe('/robot1/lidar/status');
    expect(resolveTopicName('~', '/', 'lidar')).toBe('/lidar');
    expect(resolveTopicName('scan', '/', 'lidar')).toBe('/scan');
  });

  it('applies the first matching remap, both sides resolved in the node namespace', () => {
    const remaps = [
      { from: 'scan', to: 'base_scan' },
      { from: '/robot1/scan', to: '/never' },
      { from: '~/status', to: '/diagnostics' },
    ];
    expect(resolveTopicName('scan', '/robot1', 'lidar', remaps)).toBe('/robot1/base_scan');
    expect(resolveTopicName('/robot1/scan', '/robot1', 'lidar', remaps)).toBe('/robot1/base_scan');
    expect(resolveTopicName('~/status', '/robot1', 'lidar', remaps)).toBe('/diagnostics');
    expect(resolveTopicName('odom', '/robot1', 'lidar', remaps)).toBe('/robot1/odom');
    expect(() => resolveTopicName('odom', '/', 'n', [{ from: 'odom', to: 'bad name' }])).toThrow(/remap target/);
  });

  it('always yields a valid absolute name for any valid input (property)', () => {
    const token = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/);
    const relative = fc.array(token, { minLength: 1, maxLength: 4 }).map((t) => t.join('/'));
    const name = fc.oneof(
      relative,
      relative.map((r) => `/${r}`),
      relative.map((r) => `~/${r}`),
      fc.constant('~'),
    );
    const namespace = fc.oneof(
      fc.constant('/'),
      relative.map((r) => `/${r}`),
    );
    fc.assert(
      fc.property(name, namespace, token, (n, ns, node) => {
        const resolved = resolveTopicName(n, ns, node);
        expect(resolved.startsWith('/')).toBe(true);
        expect(topicNameProblem(resolved)).toBeUndefined();
        expect(resolveTopicName(resolved, '/elsewhere', 'other')).toBe(resolved);
      }),
    );
  });

  it('never throws anything but InvalidNameError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 10 }), (n, ns) => {
        try {
          resolveTopicName(n, ns, 'node');
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidNameError);
        }
      }),
    );
  });
});
