import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UserInputError, formatLocation } from '../errors/omni-error.js';
import { ParamFileError, ParamFileErrorCode } from './param-file-errors.js';
import { parseParamFile, parseParamFileText } from './param-file.js';
import type { ParamFile } from './param-file-types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');

const parse = (text: string): ParamFile => parseParamFileText(text, '/cfg/p.yaml', { cwd: '/cfg' });

function failure(text: string): ParamFileError {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamFileError);
    return error as ParamFileError;
  }
  throw new Error('expected the parameter file to be rejected');
}

const summary = (file: ParamFile): unknown =>
  file.entries.map((e) => [e.pattern, e.kind, Object.fromEntries([...e.params].map(([k, v]) => [k, v.value]))]);

describe('parseParamFile', () => {
  it('reads every entry kind of the fixture with flattened names and YAML types', () => {
    const file = parseParamFile(path.join(fixtures, 'robot.params.yaml'), { cwd: here });
    expect(file.path).toBe(path.join(fixtures, 'robot.params.yaml'));
    expect(summary(file)).toEqual([
      ['/**', 'any', { use_sim_time: true, log_level: 'info' }],
      [
        'camera',
        'base',
        { rate: 30, 'exposure.auto': false, 'exposure.ms': 8.5, topics: ['image_raw', 'camera_info'] },
      ],
      ['/robot1/camera', 'fqn', { rate: 15 }],
      ['/robot2/camera', 'fqn', { rate: 60 }],
      ['/robot*/camera', 'wildcard', { frame_id: 'cam_link', rate: 5 }],
      ['/robot1/**', 'wildcard', { log_level: 'debug' }],
    ]);
  });

  it('records where each block and each parameter was written', () => {
    const file = parseParamFile(path.join(fixtures, 'robot.params.yaml'), { cwd: here });
    const camera = file.entries[1];
    expect(camera?.location).toEqual({ file: 'fixtures/robot.params.yaml', line: 9, col: 3 });
    expect(camera?.params.get('exposure.ms')?.location).toEqual({
      file: 'fixtures/robot.params.yaml',
      line: 13,
      col: 7,
    });
  });

  it('handles namespaces given as paths and as nesting, relative keys and ** alone', () => {
    const file = parse(
      'ns/a: { ros__parameters: { x: 1 } }\n' +
        '/ns:\n  b: { ros__parameters: { x: 2 } }\n' +
        '"**": { ros__parameters: { x: 3 } }\n' +
        'cam*: { ros__parameters: { x: 4 } }\n' +
        'n: { ros__parameters: { x: 5 }, child: { ros__parameters: { x: 6 } } }\n',
    );
    expect(summary(file)).toEqual([
      ['/ns/a', 'fqn', { x: 1 }],
      ['/ns/b', 'fqn', { x: 2 }],
      ['/**', 'any', { x: 3 }],
      ['cam*', 'wildcard', { x: 4 }],
      ['n', 'base', { x: 5 }],
      ['/n/child', 'fqn', { x: 6 }],
    ]);
  });

  it('keeps ints, floats, bools, strings, quoted numbers and lists as YAML gives them', () => {
    const file = parse(
      "n:\n  ros__parameters:\n    i: 3\n    f: 3.0\n    e: 1.5e3\n    b: false\n    s: hi\n    q: '3'\n    l: [1, 2]\n    ls: [a, 'b']\n    empty: []\n",
    );
    expect(Object.fromEntries([...(file.entries[0]?.params ?? [])].map(([k, v]) => [k, v.value]))).toEqual({
      i: 3,
      f: 3,
      e: 1500,
      b: false,
      s: 'hi',
      q: '3',
      l: [1, 2],
      ls: ['a', 'b'],
      empty: [],
    });
  });

  it('accepts an empty file as no entries', () => {
    expect(parse('').entries).toEqual([]);
    expect(parse('# only a comment\n').entries).toEqual([]);
  });
});

describe('parameter file errors', () => {
  it('missing ros__parameters (fixture)', () => {
    let caught: unknown;
    try {
      parseParamFile(path.join(fixtures, 'bad-missing-ros-parameters.params.yaml'), { cwd: here });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ParamFileError);
    const error = caught as ParamFileError;
    expect(error.code).toBe(ParamFileErrorCode.MissingRosParameters);
    expect(error.message).toBe(
      "fixtures/bad-missing-ros-parameters.params.yaml:2:3: 'camera' has no 'ros__parameters' key; write its parameters as camera: { ros__parameters: { name: value } }",
    );
  });

  it.each([
    ['n: {}\n', ParamFileErrorCode.MissingRosParameters, 'p.yaml:1:4', "'n' has no 'ros__parameters'"],
    [
      'n:\n  ros_parameters: { a: 1 }\n',
      ParamFileErrorCode.MissingRosParameters,
      'p.yaml:2:3',
      "did you mean 'ros__parameters'?",
    ],
    ['- a\n- b\n', ParamFileErrorCode.Shape, 'p.yaml:1:1', 'expected a mapping of node names'],
    ['just text\n', ParamFileErrorCode.Shape, 'p.yaml:1:1', 'found the value'],
    ['use_sim_time: true\n', ParamFileErrorCode.Shape, 'p.yaml:1:1', "expected 'use_sim_time' to hold a mapping"],
    ['ros__parameters: { a: 1 }\n', ParamFileErrorCode.Shape, 'p.yaml:1:1', 'must sit under a node name'],
    ['n:\n  ros__parameters: [1, 2]\n', ParamFileErrorCode.Shape, 'p.yaml:2:20', 'to be a mapping of parameter names'],
    ['n:\n  ros__parameters:\n', ParamFileErrorCode.Shape, 'p.yaml:2:3', 'found nothing'],
    ['n:\n  ros__parameters: { a: 1 }\n  rate: 5\n', ParamFileErrorCode.Shape, 'p.yaml:3:3', 'parameters go inside'],
    ['n:\n  ros__parameters: { a: }\n', ParamFileErrorCode.Value, 'p.yaml:2:22', "parameter 'a' must be a bool"],
    ['n:\n  ros__parameters: { a: [[1]] }\n', ParamFileErrorCode.Value, 'p.yaml:2:26', "an item of 'a'"],
    ['n:\n  ros__parameters: { a: [{x: 1}] }\n', ParamFileErrorCode.Value, 'p.yaml:2:26', 'found a mapping'],
    ['n:\n  ros__parameters: { a: {} }\n', ParamFileErrorCode.Value, 'p.yaml:2:22', 'empty mapping'],
    [
      'bad-name: { ros__parameters: { a: 1 } }\n',
      ParamFileErrorCode.Name,
      'p.yaml:1:1',
      "invalid node name or pattern 'bad-name'",
    ],
    ['/a//b: { ros__parameters: { a: 1 } }\n', ParamFileErrorCode.Name, 'p.yaml:1:1', 'invalid node name'],
    [
      '/a/x**: { ros__parameters: { a: 1 } }\n',
      ParamFileErrorCode.Name,
      'p.yaml:1:1',
      "'**' must be a whole name segment",
    ],
    ['n: { ros__parameters: { a: 1 }\n', ParamFileErrorCode.Yaml, 'p.yaml:2:1', 'malformed YAML'],
  ])('%j', (text, code, location, message) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.location ? formatLocation(error.location) : '').toBe(location);
    expect(error.message).toContain(message);
  });

  it('alias bombs are refused', () => {
    const lines = ['a0: &a0 { x: 1, y: 2 }'];
    for (let i = 1; i < 40; i += 1) lines.push(`a${i}: &a${i} { p: *a${i - 1}, q: *a${i - 1} }`);
    const error = failure(`n:\n  ros__parameters:\n${lines.map((l) => `    ${l}`).join('\n')}\n`);
    expect(error.code).toBe(ParamFileErrorCode.TooComplex);
  });

  it.each([['n: { ros__parameters: { a: &a { b: *a } } }\n'], ['&r { n: *r }\n']])(
    'recursive aliases are refused %#',
    (text) => {
      expect(failure(text).code).toBe(ParamFileErrorCode.TooComplex);
    },
  );

  it('an unreadable file', () => {
    expect(() => parseParamFile('/no/such/file.yaml')).toThrow(
      expect.objectContaining({ code: ParamFileErrorCode.NotFound }) as Error,
    );
  });

  it('gives entries or a UserInputError for any text (property)', () => {
    const token = fc.constantFrom(
      'n',
      '/',
      '*',
      '**',
      ':',
      ' ',
      '\n',
      '  ',
      '{',
      '}',
      '[',
      ']',
      ',',
      'ros__parameters',
      '1',
      'a',
      '- ',
      '&x ',
      '*x',
      "'",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 50 }), (tokens) => {
        try {
          parse(tokens.join(''));
        } catch (error) {
          expect(error).toBeInstanceOf(UserInputError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives entries or a UserInputError for random structures, and keeps every leaf (property)', () => {
    const leaf = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 4 }),
      fc.array(fc.integer(), { maxLength: 3 }),
    );
    const params = fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/), leaf, { minKeys: 1, maxKeys: 4 });
    const doc = fc.dictionary(
      fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,4}$/), fc.constantFrom('/**', '/ns/*', 'x*')),
      fc.oneof(
        params.map((p) => ({ ros__parameters: p })),
        fc.anything(),
      ),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(doc, (value) => {
        let file: ParamFile;
        try {
          file = parse(stringify(value));
        } catch (error) {
          expect(error).toBeInstanceOf(UserInputError);
          return;
        }
        for (const entry of file.entries) {
          const key = Object.keys(value).find((k) => k === entry.pattern || `/${k}` === entry.pattern) as string;
          const given = (value[key] as { ros__parameters: Record<string, unknown> }).ros__parameters;
          for (const [name, v] of Object.entries(given)) expect(entry.params.get(name)?.value).toEqual(v);
        }
      }),
      { numRuns: 500 },
    );
  });
});
