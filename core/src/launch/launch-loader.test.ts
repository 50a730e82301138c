import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLaunchFile } from './launch-loader.js';
import type { LaunchPlan, LoadLaunchOptions, NodeSpec } from './launch-types.js';
import { resolveNodeParams } from './node-params.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');

function writeTree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'omnimind-launch-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function load(files: Record<string, string>, options: LoadLaunchOptions = {}): Promise<LaunchPlan> {
  const dir = writeTree(files);
  return loadLaunchFile(path.join(dir, 'main.launch.yaml'), { cwd: dir, env: {}, ...options });
}

function node(plan: LaunchPlan, fqn: string): NodeSpec {
  const found = plan.nodes.find((n) => n.fullyQualifiedName === fqn);
  if (!found) throw new Error(`no node ${fqn} in ${plan.nodes.map((n) => n.fullyQualifiedName).join(', ')}`);
  return found;
}

describe('loadLaunchFile on the robot fixture', () => {
  const loadRobot = (args: Record<string, string> = {}): Promise<LaunchPlan> =>
    loadLaunchFile(path.join(fixtures, 'robot.launch.yaml'), { args, env: {}, cwd: fixtures });

  it('lists nodes in declaration order with includes expanded in place', async () => {
    const plan = await loadRobot();
    expect(plan.nodes.map((n) => n.fullyQualifiedName)).toEqual([
      '/r1/sensors/front_camera',
      '/r1/planning/planner',
      '/sim_driver',
    ]);
  });

  it('resolves the camera node completely', async () => {
    const camera = node(await loadRobot(), '/r1/sensors/front_camera');
    expect(camera).toMatchObject({
      pkg: '@omnimind/plugin-sensors',
      plugin: 'camera',
      name: 'front_camera',
      namespace: '/r1/sensors',
      remaps: [{ from: 'image_raw', to: '/r1/camera/image' }],
      respawn: { enabled: true, delaySec: 2.5, maxRetries: 3 },
      baseDir: fixtures,
      location: { file: 'robot.launch.yaml', line: 28, col: 9 },
      pkgLocation: { file: 'robot.launch.yaml', line: 29, col: 16 },
      pluginLocation: { file: 'robot.launch.yaml', line: 30, col: 19 },
    });
    expect(camera.params.map((p) => [p.name, p.value])).toEqual([
      ['rate', 30],
      ['frame_id', 'camera_link'],
      ['exposure.auto', false],
      ['exposure.ms', 8.5],
    ]);
    expect(camera.params[0]?.location).toEqual({ file: 'robot.launch.yaml', line: 34, col: 15 });
    expect(camera.paramFiles.map((f) => [f.path, f.order])).toEqual([
      [path.join(fixtures, 'params/camera.params.yaml'), 4],
    ]);
  });

  it('merges param files and inline params in declaration order', async () => {
    const camera = node(await loadRobot(), '/r1/sensors/front_camera');
    const merged = resolveNodeParams(camera);
    // The file comes after the inline `rate: 30`, so its `rate: 15` wins, as in ROS 2.
    expect(merged.get('rate')).toMatchObject({ value: 15, kind: 'file' });
    expect(merged.get('use_sim_time')).toMatchObject({ value: true, kind: 'file' });
    expect(merged.get('frame_id')).toMatchObject({ value: 'camera_link', kind: 'launch' });
  });

  it('passes include arguments and keeps the included file’s own defaults', async () => {
    const planner = node(await loadRobot(), '/r1/planning/planner');
    expect(planner.plugin).toBe('astar');
    expect(planner.params.map((p) => [p.name, p.value])).toEqual([
      ['inflation_radius', 0.35],
      ['costmap.width', 40],
      ['costmap.resolution', 0.05],
    ]);
    expect(planner.location.file).toBe('planning.launch.yaml');
  });

  it('types $(eval) results and defaults the node name to the plugin', async () => {
    const driver = node(await loadRobot(), '/sim_driver');
    expect(driver).toMatchObject({ pkg: './plugins/sim-driver.js', plugin: 'sim_driver', name: 'sim_driver' });
    expect(driver.params).toMatchObject([{ name: 'speed_limit', value: 1.5 }]);
    expect(driver.respawn).toBeUndefined();
  });

  it('reports env changes, top-level args and every file read', async () => {
    const plan = await loadRobot();
    expect(plan.env).toEqual({ OMNIMIND_ROBOT: 'r1', OMNIMIND_DEBUG: undefined });
    expect('OMNIMIND_DEBUG' in plan.env).toBe(true);
    expect(plan.args).toEqual({ robot: 'r1', use_sim: 'true', rate: '30' });
    expect(plan.files).toEqual([
      path.join(fixtures, 'robot.launch.yaml'),
      path.join(fixtures, 'params/camera.params.yaml'),
      path.join(fixtures, 'planning.launch.yaml'),
    ]);
  });

  it('applies command-line arguments to names, conditions and values', async () => {
    const plan = await loadRobot({ robot: 'r7', use_sim: 'false', rate: '40', extra: 'x' });
    expect(plan.nodes.map((n) => n.fullyQualifiedName)).toEqual([
      '/r7/sensors/front_camera',
      '/r7/planning/planner',
      '/bridge',
    ]);
    expect(node(plan, '/r7/sensors/front_camera').params[0]).toMatchObject({ name: 'rate', value: 40 });
    expect(plan.env).toMatchObject({ OMNIMIND_MODE: 'replay', OMNIMIND_ROBOT: 'r7' });
    expect(plan.args).toEqual({ robot: 'r7', use_sim: 'false', rate: '40', extra: 'x' });
  });
});

const NODE = (name: string, extra = ''): string => `  - node: { pkg: p, plugin: x, name: ${name}${extra} }\n`;

describe('scoping', () => {
  it('nests group namespaces; an absolute one replaces, push-ros-namespace lasts to the end of its scope', async () => {
    const plan = await load({
      'main.launch.yaml':
        'launch:\n' +
        '  - group:\n' +
        '      namespace: a\n' +
        '      children:\n' +
        '        - group: [ {push-ros-namespace: {namespace: b/c}}, {node: {pkg: p, plugin: x, name: n1}} ]\n' +
        '        - node: { pkg: p, plugin: x, name: n2 }\n' +
        '        - node: { pkg: p, plugin: x, name: n3, namespace: /abs }\n' +
        '        - node: { pkg: p, plugin: x, name: n4, namespace: rel }\n' +
        '  - push_ros_namespace: { namespace: top }\n' +
        NODE('n5') +
        '  - group: { namespace: /other, children: [ {node: {pkg: p, plugin: x, name: n6}} ] }\n',
    });
    expect(plan.nodes.map((n) => [n.fullyQualifiedName, n.namespace])).toEqual([
      ['/a/b/c/n1', '/a/b/c'],
      ['/a/n2', '/a'],
      ['/abs/n3', '/abs'],
      ['/a/rel/n4', '/a/rel'],
      ['/top/n5', '/top'],
      ['/other/n6', '/other'],
    ]);
  });

  it('keeps let and namespace changes inside a scoped group, and lets them out of an unscoped one', async () => {
    const plan = await load({
      'main.launch.yaml':
        'launch:\n' +
        '  - let: { name: v, value: outer }\n' +
        '  - group: [ {let: {name: v, value: inner}}, {push-ros-namespace: {namespace: g}} ]\n' +
        NODE('$(var v)') +
        '  - group: { scoped: "False", namespace: u, children: [ {let: {name: v, value: leaked}} ] }\n' +
        NODE('$(var v)'),
    });
    expect(plan.nodes.map((n) => n.fullyQualifiedName)).toEqual(['/outer', '/u/leaked']);
  });

  it('gives an included file the parent’s configurations, and keeps its changes inside', async () => {
    const plan = await load({
      'main.launch.yaml':
        'launch:\n' +
        '  - let: { name: shared, value: s }\n' +
        '  - group:\n' +
        '      - push-ros-namespace: { namespace: ns }\n' +
        '      - include: { file: sub/child.launch.yaml, arg: [ {name: who, value: "$(var shared)-kid"} ] }\n' +
        NODE('after_$(var shared)') +
        '  - let: { name: probe, value: "$(optenv NOPE none)" }\n',
      'sub/child.launch.yaml':
        'launch:\n' +
        '  - arg: { name: who }\n' +
        '  - let: { name: shared, value: changed }\n' +
        '  - push-ros-namespace: { namespace: inner }\n' +
        "  - node: { pkg: ./local.js, plugin: x, name: child, param: [ {name: who, value: '$(var who)'}, {name: dir, value: '$(dirname)'} ] }\n",
    });
    const child = node(plan, '/ns/inner/child');
    expect(child.params.map((p) => p.value)).toEqual(['s-kid', path.dirname(plan.files[1] ?? '')]);
    expect(child.baseDir).toBe(path.dirname(plan.files[1] ?? ''));
    expect(plan.nodes.map((n) => n.fullyQualifiedName)).toEqual(['/ns/inner/child', '/after_s']);
    expect(plan.args).toEqual({});
  });

  it('lets a later arg keep a value given from outside, and uses defaults otherwise', async () => {
    const files = {
      'main.launch.yaml': 'launch:\n  - arg: { name: mode, default: auto }\n' + NODE('$(var mode)'),
    };
    expect((await load(files)).nodes[0]?.name).toBe('auto');
    expect((await load(files, { args: { mode: 'manual' } })).nodes[0]?.name).toBe('manual');
  });
});

describe('conditions', () => {
  it('accepts true/false/1/0 in any case, YAML bools and eval results', async () => {
    const plan = await load({
      'main.launch.yaml':
        'launch:\n' +
        NODE('a', ', if: "TRUE"') +
        NODE('b', ', if: "0"') +
        NODE('c', ', unless: false') +
        NODE('d', ', unless: 1') +
        NODE('e', ', if: "$(eval \'2 > 1\')"') +
        NODE('f', ', if: true, unless: true') +
        '  - group: { if: "False", children: [ {node: {pkg: p, plugin: x, name: g}} ] }\n' +
        '  - include: { file: missing.launch.yaml, if: "false" }\n' +
        '  - set_env: { name: X, value: "1", unless: "True" }\n',
    });
    expect(plan.nodes.map((n) => n.name)).toEqual(['a', 'c', 'e']);
    expect(plan.env).toEqual({});
  });

  it('does not evaluate substitutions of a skipped action', async () => {
    const plan = await load({
      'main.launch.yaml': 'launch:\n' + NODE('$(var undefined_here)', ', if: "false"'),
    });
    expect(plan.nodes).toEqual([]);
  });
});

describe('substitutions and typed values', () => {
  it('resolves env, optenv, set_env/unset_env, filename, nested var and find-pkg-share (searched from cwd last)', async () => {
    const plan = await load(
      {
        'main.launch.yaml':
          'launch:\n' +
          '  - let: { name: key, value: target }\n' +
          '  - let: { name: target, value: found }\n' +
          '  - set_env: { name: ADDED, value: "$(env HOME_DIR)/x" }\n' +
          '  - unset_env: { name: REMOVED }\n' +
          '  - node:\n' +
          '      pkg: p\n' +
          '      plugin: x\n' +
          '      name: n\n' +
          '      param:\n' +
          '        - { name: home, value: $(env HOME_DIR) }\n' +
          '        - { name: fallback, value: "$(env MISSING \'a b\')" }\n' +
          '        - { name: opt, value: "[$(optenv MISSING)]" }\n' +
          '        - { name: added, value: $(env ADDED) }\n' +
          '        - { name: removed, value: "$(optenv REMOVED gone)" }\n' +
          '        - { name: nested, value: $(var $(var key)) }\n' +
          '        - { name: file, value: $(filename) }\n' +
          '        - { name: core, value: $(find-pkg-share @omnimind/core) }\n',
      },
      // The temporary launch directory has no node_modules, so the package is found from `cwd`.
      { env: { HOME_DIR: '/home/r', REMOVED: 'still' }, cwd: here },
    );
    const values = Object.fromEntries(plan.nodes[0]?.params.map((p) => [p.name, p.value]) ?? []);
    expect(values).toEqual({
      home: '/home/r',
      fallback: 'a b',
      opt: [],
      added: '/home/r/x',
      removed: 'gone',
      nested: 'found',
      file: plan.files[0],
      core: realpathSync(path.resolve(here, '../..')),
    });
    expect(plan.env).toEqual({ ADDED: '/home/r/x', REMOVED: undefined });
  });

  it('keeps YAML types, and types substituted text the ROS 2 way', async () => {
    const plan = await load(
      {
        'main.launch.yaml':
          'launch:\n' +
          '  - arg: { name: n, default: "5" }\n' +
          '  - node:\n' +
          '      pkg: p\n' +
          '      plugin: x\n' +
          '      param:\n' +
          '        - { name: int, value: 5 }\n' +
          '        - { name: float, value: 5.0 }\n' +
          '        - { name: quoted, value: "5" }\n' +
          '        - { name: bool, value: true }\n' +
          '        - { name: list, value: [1, two, 3.5, false] }\n' +
          '        - { name: sub_int, value: $(var n) }\n' +
          `        - { name: sub_str, value: "'$(var n)'" }\n` +
          '        - { name: sub_text, value: "v$(var n)" }\n' +
          '        - { name: sub_list, value: "[$(var n), 6]" }\n' +
          '        - { name: sub_items, value: [$(var n), "x$(var n)"] }\n' +
          '        - { name: eval_bool, value: "$(eval \'$(var n) > 3\')" }\n' +
          '        - { name: eval_unquoted, value: "$(eval $(var n) + 2 * 3)" }\n',
      },
      {},
    );
    const values = Object.fromEntries(plan.nodes[0]?.params.map((p) => [p.name, p.value]) ?? []);
    expect(values).toEqual({
      int: 5,
      float: 5,
      quoted: '5',
      bool: true,
      list: [1, 'two', 3.5, false],
      sub_int: 5,
      sub_str: '5',
      sub_text: 'v5',
      sub_list: [5, 6],
      sub_items: [5, 'x5'],
      eval_bool: true,
      eval_unquoted: 11,
    });
  });

  it('flattens nested param groups and mapping values into dotted names', async () => {
    const plan = await load({
      'main.launch.yaml':
        'launch:\n' +
        '  - node:\n' +
        '      pkg: p\n' +
        '      plugin: x\n' +
        '      param:\n' +
        '        - name: ctl\n' +
        '          param:\n' +
        '            - { name: gains, value: { p: 1, i: { max: 2 } } }\n' +
        '            - { name: rate, value: 10 }\n',
    });
    expect(plan.nodes[0]?.params.map((p) => [p.name, p.value, p.order])).toEqual([
      ['ctl.gains.p', 1, 0],
      ['ctl.gains.i.max', 2, 1],
      ['ctl.rate', 10, 2],
    ]);
  });

  it('reads respawn settings from substituted text', async () => {
    const plan = await load({
      'main.launch.yaml':
        'launch:\n' +
        '  - arg: { name: r, default: "True" }\n' +
        NODE('a', ', respawn: $(var r), respawn_delay: "0.5", respawn_max_retries: "2"') +
        NODE('b', ', respawn_delay: 1'),
    });
    expect(plan.nodes.map((n) => n.respawn)).toEqual([
      { enabled: true, delaySec: 0.5, maxRetries: 2 },
      { enabled: false, delaySec: 1, maxRetries: undefined },
    ]);
  });
});
