import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UserInputError } from '../errors/omni-error.js';
import { loadLaunchFile } from './launch-loader.js';

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'omnimind-launch-fuzz-')));
const mainFile = path.join(dir, 'main.launch.yaml');
writeFileSync(
  path.join(dir, 'child.launch.yaml'),
  'launch:\n  - arg: { name: who, default: kid }\n  - node: { pkg: p, plugin: x, name: $(var who) }\n',
);
writeFileSync(path.join(dir, 'p.yaml'), '/**:\n  ros__parameters: { a: 1 }\n');

// FUZZ_RUNS=20000 runs a longer fuzz locally; the default keeps the suite fast.

/** Loads `text` as a launch file: it must give a plan or a UserInputError, never anything else. */
async function loadsOrRejectsCleanly(text: string): Promise<void> {
  writeFileSync(mainFile, text);
  try {
    const plan = await loadLaunchFile(mainFile, { cwd: dir, env: { HOME: '/h' }, args: { a: '1' } });
    expect(Array.isArray(plan.nodes)).toBe(true);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    expect(error.code).toMatch(/^OMNI_ERR_/);
  }
}

const token = fc.constantFrom(
  'launch:',
  '\n',
  '\n  ',
  '\n    ',
  '  ',
  '- ',
  ': ',
  ':',
  ',',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '!!str ',
  '? ',
  'node',
  'arg',
  'let',
  'group',
  'include',
  'set_env',
  'unset_env',
  'push-ros-namespace',
  'children',
  'pkg',
  'plugin',
  'name',
  'namespace',
  'param',
  'remap',
  'from',
  'to',
  'value',
  'default',
  'file',
  'if',
  'unless',
  'respawn',
  'true',
  'maybe',
  '1',
  '-1',
  '0.5',
  'x',
  '/',
  '~',
  '$(',
  ')',
  'var a',
  'env HOME',
  'eval ',
  '1/0',
  'child.launch.yaml',
  'p.yaml',
);

const scalar = fc.oneof(
  fc.constantFrom(
    'x',
    'a_b',
    '/ns',
    'ns/x',
    '',
    'true',
    'FALSE',
    '1',
    'maybe',
    'child.launch.yaml',
    'p.yaml',
    '~/t',
    'bad name',
  ),
  fc.constantFrom(
    '$(var a)',
    '$(var b)',
    '$(env HOME)',
    '$(optenv NOPE d)',
    "$(eval '$(var a) + 1')",
    '$(dirname)',
    '$(var',
    '$(nope)',
  ),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);

/** Mostly valid text, sometimes anything: keeps most structures deep enough to build nodes. */
const mostly = (good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: scalar });
const goodName = fc.constantFrom('a', 'b', 'cam', 'n_1', '$(var a)x', "n$(eval '1 + 1')");
const goodValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('$(var a)', '[1, $(var a)]'),
);

const keys = fc.constantFrom(
  'name',
  'value',
  'pkg',
  'plugin',
  'exec',
  'namespace',
  'param',
  'remap',
  'from',
  'to',
  'respawn',
  'respawn_delay',
  'respawn_max_retries',
  'if',
  'unless',
  'default',
  'file',
  'arg',
  'children',
  'scoped',
  'namepsace',
);

const { action } = fc.letrec<{ action: unknown; value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
    fc.array(tie('action'), { maxLength: 3 }),
  ),
  action: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      node: fc.record(
        {
          pkg: mostly(fc.constantFrom('p', './x.js', '@s/p')),
          plugin: mostly(goodName),
          name: mostly(goodName),
          namespace: mostly(fc.constantFrom('ns', '/abs', 'a/b', '')),
          param: fc.array(
            fc.oneof(
              { weight: 4, arbitrary: fc.record({ name: mostly(goodName), value: mostly(goodValue) }) },
              { weight: 1, arbitrary: fc.record({ name: scalar, value: tie('value') }) },
              { weight: 1, arbitrary: fc.record({ from: mostly(fc.constant('p.yaml')) }) },
            ),
            { maxLength: 3 },
          ),
          remap: fc.array(fc.record({ from: mostly(goodName), to: mostly(fc.constantFrom('/t', 'x/y', '~/z')) }), {
            maxLength: 2,
          }),
          respawn: mostly(fc.boolean()),
          respawn_delay: mostly(fc.double({ min: 0, max: 10, noNaN: true })),
          if: mostly(fc.constantFrom('true', 'false', '1', "$(eval '$(var a) == 1')")),
        },
        { requiredKeys: ['pkg', 'plugin'] },
      ),
    }),
    fc.record({
      arg: fc.record(
        { name: mostly(fc.constantFrom('a', 'b')), default: mostly(goodValue) },
        { requiredKeys: ['name'] },
      ),
    }),
    fc.record({ let: fc.record({ name: mostly(fc.constantFrom('a', 'b')), value: mostly(goodValue) }) }),
    fc.record({
      include: fc.record(
        {
          file: mostly(fc.constantFrom('child.launch.yaml', '$(dirname)/main.launch.yaml')),
          arg: fc.array(fc.record({ name: mostly(fc.constant('who')), value: mostly(goodName) }), { maxLength: 2 }),
        },
        { requiredKeys: ['file'] },
      ),
    }),
    fc.record({
      group: fc.oneof(
        fc.array(tie('action'), { maxLength: 3 }),
        fc.record({
          namespace: mostly(fc.constantFrom('g', '/G')),
          scoped: mostly(fc.boolean()),
          children: fc.array(tie('action'), { maxLength: 3 }),
        }),
      ),
    }),
    fc.record({ 'push-ros-namespace': fc.record({ namespace: scalar }) }),
    fc.record({ set_env: fc.record({ name: scalar, value: scalar }) }),
    fc.dictionary(keys, tie('value'), { minKeys: 1, maxKeys: 2 }),
  ),
}));

describe('launch loader fuzzing', () => {
  it('gives a plan or a UserInputError for random YAML-ish text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
        loadsOrRejectsCleanly,
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('gives a plan or a UserInputError for random arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), loadsOrRejectsCleanly), {
      numRuns: Number(process.env.FUZZ_RUNS ?? 200),
    });
  });

  it('gives a plan or a UserInputError for random launch-like structures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 5 }), async (actions) => {
        await loadsOrRejectsCleanly(stringify({ launch: actions }));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});
