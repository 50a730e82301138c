import { join } from 'node:path';
import { UserInputError } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { RobotErrorCode } from './robot-errors.js';
import { robotsDir } from './robot-library.js';
import { loadUrdf, loadUrdfFrames, parseUrdf, parseUrdfFrames } from './urdf-frames.js';

const joint = (name: string, type: string, parent: string, child: string, origin = '') =>
  `  <joint name="${name}" type="${type}"><parent link="${parent}"/><child link="${child}"/>${origin}</joint>\n`;
const links = (...names: string[]) => names.map((n) => `  <link name="${n}"/>\n`).join('');
const robot = (body: string) => `<?xml version="1.0"?>\n<robot name="t">\n${body}</robot>\n`;

/** `line:col` of the first `needle` in `text` at or after `after`. */
function where(text: string, needle: string, after = ''): string {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

function failure(text: string): { code: string; message: string } {
  try {
    parseUrdf(text, 't.urdf');
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return { code: (error as UserInputError).code, message: (error as Error).message };
  }
  throw new Error('expected an error');
}

describe('URDF subset loader', () => {
  it("reads the diffbot's frames", () => {
    const frames = loadUrdfFrames(join(robotsDir(), 'diffbot', 'diffbot.urdf'));
    expect(frames.map((f) => f.name)).toEqual([
      'base_link',
      'wheel_left_link',
      'wheel_right_link',
      'caster_back_link',
      'imu_link',
      'base_scan',
      'camera_link',
    ]);
    expect(frames[0]).toEqual({ name: 'base_link', parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] });
    expect(frames.find((f) => f.name === 'base_scan')).toEqual({
      name: 'base_scan',
      parent: 'base_link',
      xyz: [-0.032, 0, 0.17],
      rpy: [0, 0, 0],
    });
    expect(frames.find((f) => f.name === 'wheel_left_link')?.rpy).toEqual([-Math.PI / 2, 0, 0]);
    const model = loadUrdf(join(robotsDir(), 'diffbot', 'diffbot.urdf'));
    expect(model.name).toBe('diffbot');
    expect(model.joints.filter((j) => j.type === 'continuous').map((j) => j.name)).toEqual([
      'wheel_left_joint',
      'wheel_right_joint',
    ]);
  });

  it('orders nested links parents first, freezes moving joints at zero and ignores other elements', () => {
    const text = robot(
      links('tool', 'base_link', 'arm', 'slider') +
        '  <material name="grey"><color rgba="0.5 0.5 0.5 1"/></material>\n' +
        joint('tool_joint', 'fixed', 'arm', 'tool', '<origin xyz="0 0 0.1"/>') +
        joint(
          'arm_joint',
          'revolute',
          'base_link',
          'arm',
          '<origin xyz="0.1 0 0" rpy="0 0 1.5"/><limit lower="-1" upper="1"/>',
        ) +
        joint('slide', 'prismatic', 'base_link', 'slider', '<origin xyz=" 1  2\t3 "/>'),
    );
    expect(parseUrdfFrames(text, 't.urdf')).toEqual([
      { name: 'base_link', parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] },
      { name: 'arm', parent: 'base_link', xyz: [0.1, 0, 0], rpy: [0, 0, 1.5] },
      { name: 'slider', parent: 'base_link', xyz: [1, 2, 3], rpy: [0, 0, 0] },
      { name: 'tool', parent: 'arm', xyz: [0, 0, 0.1], rpy: [0, 0, 0] },
    ]);
  });

  it('reports malformed XML where the parser stopped', () => {
    expect(failure('<robot>\n  <link name="base_link">\n</robot>\n')).toEqual({
      code: RobotErrorCode.UrdfXml,
      message: 't.urdf:3:8: malformed XML: unexpected close tag',
    });
    expect(failure('<robot>\n  <link name=base_link/>\n</robot>').message).toBe(
      't.urdf:2:14: malformed XML: unquoted attribute value',
    );
    expect(failure('').code).toBe(RobotErrorCode.UrdfXml);
  });

  it('reports an unknown or unsupported joint type at the type, with a did-you-mean', () => {
    const typo = robot(links('base_link', 'a') + joint('j', 'continous', 'base_link', 'a'));
    expect(failure(typo)).toEqual({
      code: RobotErrorCode.UrdfShape,
      message: `t.urdf:${where(typo, 'continous')}: unknown joint type 'continous'; did you mean 'continuous'? (supported: fixed, continuous, revolute, prismatic)`,
    });
    const floating = robot(links('base_link', 'a') + joint('j', 'floating', 'base_link', 'a'));
    expect(failure(floating).message).toBe(
      `t.urdf:${where(floating, 'floating')}: joint type 'floating' is not supported (supported: fixed, continuous, revolute, prismatic)`,
    );
  });

  it('reports shape problems: root element, missing attribute or element, bad numbers', () => {
    expect(failure('<model/>')).toEqual({
      code: RobotErrorCode.UrdfShape,
      message: 't.urdf:1:1: the root element must be <robot>, not <model>',
    });
    const nameless = robot('  <link/>\n');
    expect(failure(nameless).message).toBe(
      `t.urdf:${where(nameless, '<link')}: <link> needs a non-empty 'name' attribute`,
    );
    const childless = robot(links('base_link') + '  <joint name="j" type="fixed"><parent link="base_link"/></joint>\n');
    expect(failure(childless)).toEqual({
      code: RobotErrorCode.UrdfShape,
      message: `t.urdf:${where(childless, '<joint')}: <joint> needs a <child> element`,
    });
    const badXyz = robot(links('base_link', 'a') + joint('j', 'fixed', 'base_link', 'a', '<origin xyz="1 2"/>'));
    expect(failure(badXyz).message).toBe(
      `t.urdf:${where(badXyz, '1 2')}: 'xyz' must be three numbers separated by spaces, got '1 2'`,
    );
    const nan = robot(links('base_link', 'a') + joint('j', 'fixed', 'base_link', 'a', '<origin rpy="0 x 0"/>'));
    expect(failure(nan).code).toBe(RobotErrorCode.UrdfShape);
    const twoOrigins = robot(links('base_link', 'a') + joint('j', 'fixed', 'base_link', 'a', '<origin/><origin/>'));
    expect(failure(twoOrigins).message).toMatch(/<joint> has 2 <origin> elements; expected one$/);
  });

  it('reports a joint naming a missing link at the link attribute', () => {
    const text = robot(links('base_link', 'arm') + joint('j', 'fixed', 'base_link', 'amr'));
    expect(failure(text)).toEqual({
      code: RobotErrorCode.UrdfTree,
      message: `t.urdf:${where(text, 'amr')}: joint 'j' names child link 'amr', which is not defined; did you mean 'arm'?`,
    });
  });

  it('reports a link with two parents at the second joint', () => {
    const text = robot(
      links('base_link', 'a', 'b') + joint('j1', 'fixed', 'base_link', 'b') + joint('j2', 'fixed', 'a', 'b'),
    );
    expect(failure(text)).toEqual({
      code: RobotErrorCode.UrdfTree,
      message: `t.urdf:${where(text, '<joint name="j2"')}: link 'b' has two parents: joint 'j1' (line ${where(text, '<joint name="j1"').split(':')[0]}) and joint 'j2'`,
    });
  });

  it('reports a cycle at the first joint in it', () => {
    const text = robot(
      links('base_link', 'a', 'b', 'c') +
        joint('ja', 'fixed', 'base_link', 'a') +
        joint('jb', 'fixed', 'c', 'b') +
        joint('jc', 'fixed', 'b', 'c'),
    );
    expect(failure(text)).toEqual({
      code: RobotErrorCode.UrdfTree,
      message: `t.urdf:${where(text, '<joint name="jb"')}: links form a cycle (child -> parent): b -> c -> b`,
    });
  });

  it('requires one tree rooted at base_link', () => {
    expect(failure(robot(links('base_footprint'))).message).toMatch(
      /^t\.urdf:2:1: the URDF has no link named 'base_link'/,
    );
    const under = robot(links('base_footprint', 'base_link') + joint('j', 'fixed', 'base_footprint', 'base_link'));
    expect(failure(under)).toEqual({
      code: RobotErrorCode.UrdfTree,
      message: `t.urdf:${where(under, '<joint')}: 'base_link' must be the root link, but joint 'j' makes it a child of 'base_footprint'`,
    });
    const stray = robot(links('base_link', 'lonely'));
    expect(failure(stray).message).toBe(
      `t.urdf:${where(stray, '<link name="lonely"')}: link 'lonely' is not connected to 'base_link': no joint has it as child`,
    );
    const twice = robot(links('base_link', 'base_link'));
    expect(failure(twice)).toEqual({
      code: RobotErrorCode.UrdfTree,
      message: "t.urdf:4:3: link 'base_link' is defined twice",
    });
  });

  it('reports a missing file', () => {
    expect(() => loadUrdfFrames(join(robotsDir(), 'no-such.urdf'))).toThrow(
      expect.objectContaining({ code: RobotErrorCode.UrdfFileNotFound }),
    );
  });
});
