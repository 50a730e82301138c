import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '@omnimind/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseRobotDescription } from './robot-loader.js';
import { robotsDir } from './robot-library.js';
import { parseUrdfFrames } from './urdf-frames.js';

const onlyUserInputErrors = (run: () => unknown): void => {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    expect(error.message).toMatch(/^[^:]+:\d+:\d+: /);
  }
};

const MANIPULATOR = readFileSync(join(robotsDir(), 'mobile-manipulator', 'robot.yaml'), 'utf8');
const DIFFBOT_URDF = readFileSync(join(robotsDir(), 'diffbot', 'diffbot.urdf'), 'utf8');

/** Every path to a scalar in a YAML document. */
function scalarPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => scalarPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => scalarPaths(v, [...path, k]));
  return [path];
}

describe('robot loaders against arbitrary input (property)', () => {
  it('robot.yaml: random text raises only located UserInputErrors', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) =>
        onlyUserInputErrors(() => parseRobotDescription(text, 'r.yaml')),
      ),
    );
  });

  it('robot.yaml: random YAML values raise only located UserInputErrors', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) =>
        onlyUserInputErrors(() => parseRobotDescription(JSON.stringify(value), 'r.yaml')),
      ),
    );
  });

  it('robot.yaml: a real robot with one value replaced raises only located UserInputErrors', () => {
    const paths = scalarPaths(parseDocument(MANIPULATOR).toJS());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const doc = parseDocument(MANIPULATOR);
        doc.setIn(path, value);
        onlyUserInputErrors(() => parseRobotDescription(doc.toString(), 'r.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('URDF: random text raises only located UserInputErrors', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => onlyUserInputErrors(() => parseUrdfFrames(text, 't.urdf'))),
    );
  });

  it('URDF: random XML-ish text raises only located UserInputErrors', () => {
    const piece = fc.constantFrom(
      '<robot>',
      '</robot>',
      '<link name="base_link"/>',
      '<link name="a"/>',
      '<link/>',
      '<joint name="j" type="fixed">',
      '<joint type="revolute" name="k">',
      '</joint>',
      '<parent link="base_link"/>',
      '<parent link="a"/>',
      '<child link="a"/>',
      '<child link="base_link"/>',
      '<origin xyz="1 2 3" rpy="0 0 1"/>',
      '<origin xyz="x"/>',
      '&amp;',
      '&bad;',
      '"',
      '\n',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) =>
        onlyUserInputErrors(() => parseUrdfFrames(pieces.join(''), 't.urdf')),
      ),
    );
  });

  it('URDF: the diffbot URDF cut or spliced anywhere raises only located UserInputErrors', () => {
    const length = DIFFBOT_URDF.length;
    fc.assert(
      fc.property(fc.nat(length), fc.nat(length), fc.string({ maxLength: 8 }), (from, to, insert) =>
        onlyUserInputErrors(() =>
          parseUrdfFrames(
            DIFFBOT_URDF.slice(0, Math.min(from, to)) + insert + DIFFBOT_URDF.slice(Math.max(from, to)),
            't.urdf',
          ),
        ),
      ),
      { numRuns: 300 },
    );
  });
});
