import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryMatchesNode, paramsForNode } from './param-file-match.js';
import { parseParamFile, parseParamFileText } from './param-file.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const robot = parseParamFile(path.join(here, 'fixtures/robot.params.yaml'), { cwd: here });

const values = (map: Map<string, { value: unknown }>): Record<string, unknown> =>
  Object.fromEntries([...map].map(([k, v]) => [k, v.value]));

describe('entryMatchesNode', () => {
  it.each([
    ['/**', 'any', '/a', true],
    ['/**', 'any', '/a/b/c', true],
    ['/a/b', 'fqn', '/a/b', true],
    ['/a/b', 'fqn', '/a/b/c', false],
    ['cam', 'base', '/x/y/cam', true],
    ['cam', 'base', '/cam', true],
    ['cam', 'base', '/camera', false],
    ['/ns/*', 'wildcard', '/ns/a', true],
    ['/ns/*', 'wildcard', '/ns/a/b', false],
    ['/ns/**', 'wildcard', '/ns/a/b', true],
    ['/ns/**', 'wildcard', '/other/a', false],
    ['/**/cam', 'wildcard', '/cam', true],
    ['/**/cam', 'wildcard', '/a/b/cam', true],
    ['/**/cam', 'wildcard', '/a/b/cam2', false],
    ['/robot*/cam', 'wildcard', '/robot12/cam', true],
    ['/robot*/cam', 'wildcard', '/robot/cam', true],
    ['/robot*/cam', 'wildcard', '/rob/cam', false],
    ['/*_cam', 'wildcard', '/front_cam', true],
    ['cam*', 'wildcard', '/deep/ns/camera', true],
    ['cam*', 'wildcard', '/deep/cam/x', false],
    ['/a.b', 'fqn', '/aXb', false],
  ] as const)('%s (%s) vs %s → %s', (pattern, kind, fqn, expected) => {
    expect(entryMatchesNode({ pattern, kind }, fqn)).toBe(expected);
  });

  it('matches any node with /** and exactly itself with its own name (property)', () => {
    const token = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 4 }), (segments) => {
        const fqn = `/${segments.join('/')}`;
        expect(entryMatchesNode({ pattern: '/**', kind: 'any' }, fqn)).toBe(true);
        expect(entryMatchesNode({ pattern: fqn, kind: 'fqn' }, fqn)).toBe(true);
        expect(entryMatchesNode({ pattern: `${fqn}_x`, kind: 'fqn' }, fqn)).toBe(false);
        expect(entryMatchesNode({ pattern: segments.at(-1) ?? '', kind: 'base' }, fqn)).toBe(true);
        expect(entryMatchesNode({ pattern: `/${segments.map(() => '*').join('/')}`, kind: 'wildcard' }, fqn)).toBe(
          true,
        );
      }),
    );
  });
});

describe('paramsForNode', () => {
  it('applies /**, then wildcards, then base names, then fully qualified names', () => {
    expect(values(paramsForNode([robot], '/robot1/camera'))).toEqual({
      use_sim_time: true,
      log_level: 'debug', // /robot1/** (wildcard) beats /** (any)
      rate: 15, // the fully qualified /robot1/camera beats the base name and /robot*/camera
      frame_id: 'cam_link',
      'exposure.auto': false,
      'exposure.ms': 8.5,
      topics: ['image_raw', 'camera_info'],
    });
    expect(values(paramsForNode([robot], '/robot2/camera'))).toMatchObject({ rate: 60, log_level: 'info' });
    expect(values(paramsForNode([robot], '/robot3/camera'))).toMatchObject({ rate: 30, frame_id: 'cam_link' });
    expect(values(paramsForNode([robot], '/lidar'))).toEqual({ use_sim_time: true, log_level: 'info' });
  });

  it('lets the later of two entries of the same kind win', () => {
    const file = parseParamFileText(
      '/*: { ros__parameters: { a: 2, b: 2 } }\n/n*: { ros__parameters: { a: 4 } }\n/**: { ros__parameters: { a: 1, b: 1 } }\n',
      '/p.yaml',
    );
    expect(values(paramsForNode([file], '/n'))).toEqual({ a: 4, b: 2 });
    const swapped = parseParamFileText(
      '/n*: { ros__parameters: { a: 4 } }\n/*: { ros__parameters: { a: 2 } }\n',
      '/p.yaml',
    );
    expect(values(paramsForNode([swapped], '/n'))).toEqual({ a: 2 });
  });

  it('lets a later file override an earlier one, whatever the specificity', () => {
    const first = parseParamFileText('/n: { ros__parameters: { a: 1, b: 1 } }\n', '/first.yaml');
    const second = parseParamFileText('/**: { ros__parameters: { a: 2 } }\n', '/second.yaml');
    const merged = paramsForNode([first, second], '/n');
    expect(values(merged)).toEqual({ a: 2, b: 1 });
    expect(merged.get('a')?.location.file).toBe('/second.yaml');
    expect(values(paramsForNode([second, first], '/n'))).toEqual({ a: 1, b: 1 });
  });

  it('accepts a node name without the leading slash', () => {
    expect(values(paramsForNode([robot], 'lidar'))).toEqual({ use_sim_time: true, log_level: 'info' });
  });
});
