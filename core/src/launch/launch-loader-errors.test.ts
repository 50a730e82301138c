import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserInputError, formatLocation } from '../errors/omni-error.js';
import { ParamFileErrorCode } from '../params/param-file-errors.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
import { loadLaunchFile } from './launch-loader.js';
import type { LoadLaunchOptions } from './launch-types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');

function writeTree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'omnimind-launch-err-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function failure(
  files: Record<string, string> | string,
  options: LoadLaunchOptions = {},
): Promise<UserInputError> {
  const [file, cwd] =
    typeof files === 'string'
      ? [path.join(fixtures, files), fixtures]
      : ((dir) => [path.join(dir, 'main.launch.yaml'), dir])(writeTree(files));
  try {
    await loadLaunchFile(file, { cwd, env: {}, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return error as UserInputError;
  }
  throw new Error('expected the launch file to be rejected');
}

const main = (body: string): Record<string, string> => ({ 'main.launch.yaml': `launch:\n${body}` });
const at = (error: UserInputError): string => (error.location ? formatLocation(error.location) : '');

describe('launch file errors', () => {
  it('malformed YAML', async () => {
    const error = await failure({ 'main.launch.yaml': 'launch:\n  - node: {pkg: a\n  - arg: x\n' });
    expect(error.code).toBe(LaunchErrorCode.Yaml);
    expect(error.message).toMatch(/^main\.launch\.yaml:\d+:\d+: malformed YAML: /);
  });

  it('duplicate keys are malformed YAML', async () => {
    const error = await failure(main('  - node: { pkg: a, plugin: b, pkg: c }\n'));
    expect(error.code).toBe(LaunchErrorCode.Yaml);
    expect(at(error)).toBe('main.launch.yaml:2:32');
  });

  it('missing launch file', async () => {
    const error = await failure('does-not-exist.launch.yaml');
    expect(error.code).toBe(LaunchErrorCode.FileNotFound);
    expect(error.message).toContain('does-not-exist.launch.yaml');
  });

  it.each([
    ['- node: {}\n', 'main.launch.yaml:1:1', "expected a mapping with a 'launch' key"],
    ['launch: {node: {}}\n', 'main.launch.yaml:1:9', "expected 'launch' to hold a list of actions"],
    ['launch:\n  - node: {pkg: a, plugin: b}\n    name: x\n', 'main.launch.yaml:2:5', 'exactly one key'],
    ['launch:\n  - just text\n', 'main.launch.yaml:2:5', 'expected an action'],
    ['launch:\n  - node: [a]\n', 'main.launch.yaml:2:11', 'expected the keys of node'],
    [
      'launch:\n  - node: { pkg: a, plugin: b, exec: c }\n',
      'main.launch.yaml:2:32',
      "either 'plugin' or its alias 'exec'",
    ],
    [
      'launch:\n  - node: { pkg: a, plugin: b, param: [ {from: f.yaml, name: x} ] }\n',
      'main.launch.yaml:2:41',
      'either {name, value} or {from: file}',
    ],
  ])('badly shaped file %#', async (text, location, message) => {
    const error = await failure({ 'main.launch.yaml': text });
    expect(error.code).toBe(LaunchErrorCode.Shape);
    expect(at(error)).toBe(location);
    expect(error.message).toContain(message);
  });

  it('unknown top-level key suggests launch', async () => {
    const error = await failure({ 'main.launch.yaml': 'lanch: []\n' });
    expect(error.code).toBe(LaunchErrorCode.UnknownKey);
    expect(error.message).toContain("did you mean 'launch'?");
  });

  it('unknown action, with a suggestion', async () => {
    const error = await failure(main('  - nod: { pkg: a }\n'));
    expect(error.code).toBe(LaunchErrorCode.UnknownAction);
    expect(at(error)).toBe('main.launch.yaml:2:5');
    expect(error.message).toContain("unknown action 'nod'; did you mean 'node'?");
  });

  it('unknown key in node, with a suggestion and the accepted keys (fixture)', async () => {
    const error = await failure('bad-unknown-key.launch.yaml');
    expect(error.code).toBe(LaunchErrorCode.UnknownKey);
    expect(error.message).toBe(
      "bad-unknown-key.launch.yaml:6:7: unknown key 'namepsace' in node; did you mean 'namespace'? (accepted keys: " +
        "'pkg', 'plugin', 'exec', 'name', 'namespace', 'param', 'remap', 'respawn', 'respawn_delay', " +
        "'respawn_max_retries', 'if', 'unless')",
    );
  });

  it('unknown keys are found even inside a group whose condition is false', async () => {
    const error = await failure(
      main('  - group: { if: "false", children: [ {node: {pkg: a, plugin: b, remapp: []}} ] }\n'),
    );
    expect(error.code).toBe(LaunchErrorCode.UnknownKey);
    expect(error.message).toContain("did you mean 'remap'?");
  });

  it.each([
    ['  - node: { plugin: b }\n', 'main.launch.yaml:2:5', "node is missing required key 'pkg'"],
    ['  - node: { pkg: a }\n', 'main.launch.yaml:2:5', "missing required key 'plugin' (or its alias 'exec')"],
    ['  - node: { pkg: a, plugin: b, name: }\n', 'main.launch.yaml:2:32', "'name' of node has no value"],
    ["  - node: { pkg: '', plugin: b }\n", 'main.launch.yaml:2:18', "'pkg' of node is empty"],
    ['  - include: {}\n', 'main.launch.yaml:2:5', "include is missing required key 'file'"],
    ['  - let: { name: a }\n', 'main.launch.yaml:2:5', "let is missing required key 'value'"],
    [
      '  - node: { pkg: a, plugin: b, param: [ {value: 1} ] }\n',
      'main.launch.yaml:2:41',
      "missing required key 'name'",
    ],
    [
      '  - node: { pkg: a, plugin: b, remap: [ {from: a} ] }\n',
      'main.launch.yaml:2:41',
      "remap is missing required key 'to'",
    ],
    ['  - node: { pkg: a, plugin: "my-plugin" }\n', 'main.launch.yaml:2:5', "node needs a 'name'"],
  ])('missing field %#', async (body, location, message) => {
    const error = await failure(main(body));
    expect(error.code).toBe(LaunchErrorCode.MissingField);
    expect(at(error)).toBe(location);
    expect(error.message).toContain(message);
  });

  it.each([
    ['respawn: maybe', "'respawn' of node must be true, false, 1 or 0, got 'maybe'"],
    ['respawn_delay: -1', "'respawn_delay' of node must be a number of at least 0, got '-1'"],
    ['respawn_delay: soon', "must be a number of at least 0, got 'soon'"],
    ['respawn_max_retries: 1.5', "'respawn_max_retries' of node must be a whole number of at least 0, got '1.5'"],
    ['name: [a]', "'name' of node must be text, a number or a bool, found a list"],
    ['param: {a: 1}', "'param' of node must be a list, found a mapping"],
    ['param: [ {name: a, value: [[1]]} ]', "items of parameter 'a' must be bools, numbers or text, found a list"],
    ['param: [ {name: a, value: {}} ]', "parameter 'a' is an empty mapping"],
  ])('wrong value type: %s', async (extra, message) => {
    const error = await failure(main(`  - node: { pkg: a, plugin: b, ${extra} }\n`));
    expect(error.code).toBe(LaunchErrorCode.ValueType);
    expect(error.location?.line).toBe(2);
    expect(error.message).toContain(message);
  });

  it('points a wrong value at the value itself', async () => {
    const error = await failure(main('  - node:\n      pkg: a\n      plugin: b\n      respawn: maybe\n'));
    expect(at(error)).toBe('main.launch.yaml:5:16');
  });

  it.each([['yes'], ['2'], ['$(var empty)']])('condition that is not a bool: %s', async (value) => {
    const error = await failure(
      main(`  - let: { name: empty, value: '' }\n  - node: { pkg: a, plugin: b, if: '${value}' }\n`),
    );
    expect(error.code).toBe(LaunchErrorCode.Condition);
    expect(error.message).toContain("'if' of node must be true, false, 1 or 0");
    expect(error.location?.line).toBe(3);
  });

  it('missing required argument says how to pass it on the command line', async () => {
    const error = await failure(main('  - arg: { name: robot, description: which robot }\n'));
    expect(error.code).toBe(LaunchErrorCode.MissingArg);
    expect(error.message).toBe(
      "main.launch.yaml:2:5: launch argument 'robot' is required (it has no default); pass it on the command line as robot:=<value>",
    );
  });

  it('missing argument of an included file points at the include', async () => {
    const error = await failure({
      ...main('  - include: { file: child.launch.yaml }\n'),
      'child.launch.yaml': 'launch:\n  - arg: { name: planner }\n',
    });
    expect(error.code).toBe(LaunchErrorCode.MissingArg);
    expect(at(error)).toBe('child.launch.yaml:2:5');
    expect(error.message).toContain(
      'pass it from the include at main.launch.yaml:2:5 with arg: [{name: planner, value: ...}]',
    );
  });

  it('bad argument names from the caller', async () => {
    const error = await failure(main('  - arg: { name: a, default: b }\n'), { args: { 'bad name': 'x' } });
    expect(error.code).toBe(LaunchErrorCode.ArgumentSyntax);
  });

  it.each([
    ['$(var robot', 'main.launch.yaml:2:39', "'$(var' is never closed"],
    ['$(var a b)', 'main.launch.yaml:2:39', '$(var) takes 1 argument, got 2'],
    ['$(dirname x)', 'main.launch.yaml:2:39', '$(dirname) takes no arguments'],
  ])('bad substitution syntax: %s', async (text, location, message) => {
    const error = await failure(main(`  - node: { pkg: a, plugin: b, name: "${text}" }\n`));
    expect(error.code).toBe(LaunchErrorCode.SubstitutionSyntax);
    expect(at(error)).toBe(location);
    expect(error.message).toContain(message);
  });

  it('unknown substitution, with a suggestion', async () => {
    const error = await failure(main('  - node: { pkg: a, plugin: b, name: n_$(envv HOME) }\n'));
    expect(error.code).toBe(LaunchErrorCode.UnknownSubstitution);
    expect(at(error)).toBe('main.launch.yaml:2:40');
    expect(error.message).toContain("unknown substitution '$(envv ...)'; did you mean 'env'?");
  });

  it('undefined $(var), pointing at the substitution and suggesting a near name', async () => {
    const error = await failure(
      main('  - let: { name: robot, value: r1 }\n  - node: { pkg: a, plugin: b, name: "x$(var robt)" }\n'),
    );
    expect(error.code).toBe(LaunchErrorCode.UndefinedVar);
    expect(at(error)).toBe('main.launch.yaml:3:40');
    expect(error.message).toContain("undefined launch configuration 'robt' in $(var robt); did you mean 'robot'?");
  });

  it('a configuration set inside an include or a scoped group is undefined after it', async () => {
    const error = await failure(
      main('  - group: [ {let: {name: inner, value: x}} ]\n  - let: { name: y, value: $(var inner) }\n'),
    );
    expect(error.code).toBe(LaunchErrorCode.UndefinedVar);
  });

  it('unset environment variable without default', async () => {
    const error = await failure(main('  - let: { name: a, value: $(env NOT_SET_ANYWHERE) }\n'));
    expect(error.code).toBe(LaunchErrorCode.EnvUnset);
    expect(error.message).toContain('$(optenv NOT_SET_ANYWHERE)');
  });

  it('unknown package in find-pkg-share', async () => {
    const error = await failure(main('  - let: { name: a, value: $(find-pkg-share no-such-package-omni)/x }\n'));
    expect(error.code).toBe(LaunchErrorCode.PackageNotFound);
    expect(error.message).toContain("package 'no-such-package-omni' not found");
  });

  it('eval that fails', async () => {
    const error = await failure(main('  - let: { name: a, value: "$(eval \'1 / 0\')" }\n'));
    expect(error.code).toBe(LaunchErrorCode.Eval);
    expect(error.message).toContain("cannot evaluate '1 / 0': division by zero");
  });

  it('include file not found, at the file value', async () => {
    const error = await failure(main('  - include:\n      file: nowhere.launch.yaml\n'));
    expect(error.code).toBe(LaunchErrorCode.IncludeNotFound);
    expect(at(error)).toBe('main.launch.yaml:3:13');
    expect(error.message).toContain("'nowhere.launch.yaml' not found");
  });

  it('include cycle shows the chain (fixture)', async () => {
    const error = await failure('bad-cycle-a.launch.yaml');
    expect(error.code).toBe(LaunchErrorCode.IncludeCycle);
    expect(error.message).toBe(
      'bad-cycle-b.launch.yaml:3:13: include cycle: bad-cycle-a.launch.yaml → bad-cycle-b.launch.yaml → bad-cycle-a.launch.yaml',
    );
  });

  it('a file including itself', async () => {
    const error = await failure(main('  - include: { file: $(filename) }\n'));
    expect(error.code).toBe(LaunchErrorCode.IncludeCycle);
    expect(error.message).toContain('main.launch.yaml → main.launch.yaml');
  });

  it('duplicate fully qualified node name points at both places (fixture)', async () => {
    const error = await failure('bad-duplicate.launch.yaml');
    expect(error.code).toBe(LaunchErrorCode.DuplicateNode);
    expect(error.message).toBe(
      "bad-duplicate.launch.yaml:5:9: duplicate node '/robot/cam': already declared at bad-duplicate.launch.yaml:2:5; " +
        "give one of them another 'name' or 'namespace'",
    );
    expect(error.details).toMatchObject({ first: { line: 2, col: 5 }, second: { line: 5, col: 9 } });
  });

  it.each([
    ['name: my-node', "invalid node name 'my-node'"],
    ['name: 9lives', "invalid node name '9lives'"],
    ['namespace: 1ns', "invalid namespace name '1ns'"],
    ['namespace: a//b', "invalid namespace name 'a//b'"],
    ['remap: [ {from: chatter, to: "bad topic"} ]', "invalid topic name 'bad topic' in remap 'to'"],
    ['remap: [ {from: "~x~", to: y} ]', "invalid topic name '~x~' in remap 'from'"],
    ['param: [ {name: "a b", value: 1} ]', "invalid parameter name 'a b'"],
  ])('invalid name: %s', async (extra, message) => {
    const error = await failure(main(`  - node: { pkg: a, plugin: b, ${extra} }\n`));
    expect(error.code).toBe(LaunchErrorCode.InvalidName);
    expect(error.location?.line).toBe(2);
    expect(error.message).toContain(message);
  });

  it('invalid names in let, set_env and push-ros-namespace', async () => {
    expect((await failure(main('  - let: { name: "a b", value: 1 }\n'))).code).toBe(LaunchErrorCode.InvalidName);
    expect((await failure(main('  - set_env: { name: "A=B", value: 1 }\n'))).code).toBe(LaunchErrorCode.InvalidName);
    expect((await failure(main('  - push-ros-namespace: { namespace: "a b" }\n'))).code).toBe(
      LaunchErrorCode.InvalidName,
    );
  });

  it('parameter file not found, and a bad parameter file reported at its own place', async () => {
    const missing = await failure(main('  - node: { pkg: a, plugin: b, param: [ {from: nope.yaml} ] }\n'));
    expect(missing.code).toBe(LaunchErrorCode.ParamFileNotFound);
    expect(at(missing)).toBe('main.launch.yaml:2:48');
    const bad = await failure({
      ...main('  - node: { pkg: a, plugin: b, param: [ {from: p.yaml} ] }\n'),
      'p.yaml': 'cam:\n  rate: 5\n',
    });
    expect(bad.code).toBe(ParamFileErrorCode.MissingRosParameters);
    expect(bad.location?.file).toBe('p.yaml');
  });

  it('alias bombs are refused', async () => {
    const lines = ['a0: &a0 { x: 1, y: 2 }'];
    for (let i = 1; i < 40; i += 1) lines.push(`a${i}: &a${i} { p: *a${i - 1}, q: *a${i - 1} }`);
    const error = await failure({
      'main.launch.yaml': `launch:\n  - node:\n      pkg: p\n      plugin: q\n      param:\n        - name: big\n          value:\n${lines.map((l) => `            ${l}`).join('\n')}\n`,
    });
    expect(error.code).toBe(LaunchErrorCode.TooComplex);
  });

  it.each([
    ['launch:\n  - node: { pkg: p, plugin: x, param: [ {name: a, value: &a { b: *a } } ] }\n'],
    ['launch: &l\n  - group: *l\n'],
    ['launch:\n  - group: &g\n    - group: *g\n'],
  ])('recursive aliases are refused %#', async (text) => {
    const error = await failure({ 'main.launch.yaml': text });
    expect(error.code).toBe(LaunchErrorCode.TooComplex);
    expect(error.message).toContain('refers to a node that contains it');
  });

  it('absurdly deep nesting is malformed YAML, and deep but sane nesting loads', async () => {
    const deep = await failure({ 'main.launch.yaml': `launch: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });
    expect(deep.code).toBe(LaunchErrorCode.Yaml);
    const groups = 200;
    let text = 'launch:\n';
    for (let i = 0; i < groups; i += 1) text += `${'  '.repeat(i + 1)}- group:\n`;
    text += `${'  '.repeat(groups + 1)}- node: { pkg: p, plugin: x, name: deep }\n`;
    const dir = writeTree({ 'main.launch.yaml': text });
    const plan = await loadLaunchFile(path.join(dir, 'main.launch.yaml'), { cwd: dir });
    expect(plan.nodes.map((n) => n.fullyQualifiedName)).toEqual(['/deep']);
  });

  it('every error is a LaunchFileError or a parameter-file error with an OMNI_ERR code', async () => {
    const error = await failure(main('  - nod: {}\n'));
    expect(error).toBeInstanceOf(LaunchFileError);
    expect(error.code).toMatch(/^OMNI_ERR_LAUNCH_/);
  });
});
