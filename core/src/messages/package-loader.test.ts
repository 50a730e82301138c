import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { decodeCdr, encodeCdr } from './cdr-codec.js';
import { fillMessage } from './fill-message.js';
import { MessageRegistry } from './message-registry.js';

const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'omnimind-msgs-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function failure(run: () => unknown): Error & { code?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected an error');
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('loadPackageDir', () => {
  it('loads a plugin package with messages, services and actions, usable right away', () => {
    const root = tree({
      'msg/Blip.msg': '# A blip.\nstd_msgs/Header header\nuint16 strength\nBlipKind kind\n',
      'msg/BlipKind.msg': 'uint8 SMALL=0\nuint8 LARGE=1\nuint8 value\n',
      'srv/Scan.srv': 'float32 seconds\n---\nBlip[] blips\n',
      'action/Sweep.action': 'float64 angle\n---\nuint32 count\n---\nfloat64 progress\n',
      'package.xml': '<?xml version="1.0"?>\n<package format="3">\n  <name>radar_msgs</name>\n</package>\n',
    });
    const registry = MessageRegistry.default();
    expect(registry.loadPackageDir(root)).toEqual([
      'radar_msgs/action/Sweep',
      'radar_msgs/msg/Blip',
      'radar_msgs/msg/BlipKind',
      'radar_msgs/srv/Scan',
    ]);
    expect(registry.get('radar_msgs/msg/Blip').fields[2]).toMatchObject({ type: 'radar_msgs/msg/BlipKind' });
    expect(registry.service('radar_msgs/srv/Scan').response).toBe('radar_msgs/srv/Scan_Response');
    const blip = fillMessage(registry, 'radar_msgs/msg/Blip', { strength: 7, kind: { value: 1 } });
    expect(decodeCdr(registry, 'radar_msgs/msg/Blip', encodeCdr(registry, 'radar_msgs/msg/Blip', blip))).toEqual(blip);
    expect(registry.get('radar_msgs/msg/Blip').source).toBe(join(root, 'msg', 'Blip.msg'));
  });

  it('loads every package folder inside a parent folder, in any reference order', () => {
    const root = tree({
      'a_msgs/msg/UsesB.msg': 'b_msgs/Thing thing\n',
      'b_msgs/msg/Thing.msg': 'int32 x\n',
      'not_a_package/readme.txt': 'ignored',
    });
    const registry = new MessageRegistry();
    expect(registry.loadPackageDir(root)).toEqual(['a_msgs/msg/UsesB', 'b_msgs/msg/Thing']);
  });

  it('reports unknown field types at the file, line and column that use them', () => {
    const root = tree({ 'my_msgs/msg/Broken.msg': '# header\n\nint32 fine\nmy_msgs/Missing gone\n' });
    const error = failure(() => MessageRegistry.default().loadPackageDir(root));
    expect(hasErrorCode(error, 'OMNI_ERR_MESSAGE_DEFINITION')).toBe(true);
    expect(error.message).toContain(`${join(root, 'my_msgs', 'msg', 'Broken.msg')}:4:1: field 'gone'`);
  });

  it('reports syntax errors with their location in the file', () => {
    const root = tree({ 'my_msgs/srv/Bad.srv': 'int32 a\n---\nint32 b = 3\n' });
    const error = failure(() => new MessageRegistry().loadPackageDir(root));
    expect(error.message).toMatch(/Bad\.srv:3:1: /);
  });

  it('refuses missing folders, folders without packages and bad package names', () => {
    expect(failure(() => new MessageRegistry().loadPackageDir(join(tmpdir(), 'omnimind-no-such-dir'))).code).toBe(
      'OMNI_ERR_MESSAGE_DEFINITION',
    );
    expect(failure(() => new MessageRegistry().loadPackageDir(tree({ 'x.txt': '' }))).message).toMatch(
      /holds no ROS package/,
    );
    const badName = tree({ 'Bad-Pkg/msg/A.msg': 'int32 a\n' });
    expect(failure(() => new MessageRegistry().loadPackageDir(join(badName, 'Bad-Pkg'))).message).toMatch(
      /'Bad-Pkg' is not a valid ROS package name/,
    );
    const badXml = tree({
      'pkg/msg/A.msg': 'int32 a\n',
      'pkg/package.xml': '<package>\n  <name>Nope</name>\n</package>',
    });
    expect(failure(() => new MessageRegistry().loadPackageDir(join(badXml, 'pkg'))).message).toMatch(
      /package\.xml:2:3: 'Nope'/,
    );
  });
});
