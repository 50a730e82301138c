import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MessageRegistry } from '../message-registry.js';
import { extractComments } from './definition-comments.js';
import { renderMessageTypeFiles } from './message-type-files.js';
import { renderPackageFile } from './render-package.js';

const generatedDir = fileURLToPath(new URL('../generated/', import.meta.url));
const script = fileURLToPath(new URL('../../../scripts/generate-message-types.mjs', import.meta.url));

describe('generated message types', () => {
  it('are exactly what the generator produces from the definitions (run `npm run gen:msgs` if not)', () => {
    const files = renderMessageTypeFiles(MessageRegistry.default());
    const onDisk = readdirSync(generatedDir)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    expect(onDisk).toEqual([...files.keys()]);
    for (const [name, text] of files) {
      expect(readFileSync(`${generatedDir}${name}`, 'utf8'), `generated/${name} is out of date`).toBe(text);
    }
  });

  it('can be checked by the generator script without a build', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/up to date/);
  });

  it('map the primitive types to what the CDR decoder returns', () => {
    const files = renderMessageTypeFiles(MessageRegistry.default());
    const sensor = files.get('sensor_msgs.ts') ?? '';
    expect(sensor).toMatch(/export interface LaserScan \{[^}]*ranges: Float32Array;/);
    expect(sensor).toMatch(
      /export interface Image \{[^}]*header: std_msgs\.Header;[^}]*height: number;[^}]*data: Uint8Array;/,
    );
    expect(sensor).toMatch(/export interface JointState \{[^}]*name: string\[\];[^}]*position: Float64Array;/);
    expect(sensor).toContain("import type * as std_msgs from './std_msgs.js';");
    expect(files.get('builtin_interfaces.ts')).toMatch(
      /export interface Time \{[^}]*sec: number;[^}]*nanosec: number;/,
    );
    expect(files.get('std_msgs.ts')).toMatch(/export interface UInt64 \{[^}]*data: bigint;/);
    expect(files.get('std_msgs.ts')).toMatch(/export interface Int64MultiArray \{[^}]*data: BigInt64Array;/);
    expect(files.get('geometry_msgs.ts')).toMatch(
      /export interface Twist \{[^}]*linear: Vector3;[^}]*angular: Vector3;/,
    );
    expect(files.get('std_msgs.ts')).toMatch(/export interface Empty \{\}/);
    const maps = files.get('type-maps.ts') ?? '';
    expect(maps).toContain("'geometry_msgs/msg/Twist': geometry_msgs.Twist;");
    expect(maps).toContain(
      "'std_srvs/srv/Trigger': { request: std_srvs.Trigger_Request; response: std_srvs.Trigger_Response };",
    );
    expect(maps).toContain(
      "'example_interfaces/action/Fibonacci': { goal: example_interfaces.Fibonacci_Goal; feedback: example_interfaces.Fibonacci_Feedback; result: example_interfaces.Fibonacci_Result };",
    );
  });

  it('emit constants as a same-named object, with bigint literals for 64-bit values', () => {
    const registry = new MessageRegistry();
    registry.register(
      'k_msgs/msg/Consts',
      'uint64 BIG=18446744073709551615\nstring NAME="a#b" # hash inside\nint8 value\n',
    );
    const text = renderPackageFile('k_msgs', [registry.get('k_msgs/msg/Consts')]);
    expect(text).toContain('export const Consts = {');
    expect(text).toContain('BIG: 18446744073709551615n,');
    expect(text).toContain('NAME: "a#b",');
    expect(text).toContain('hash inside');
  });

  it('refuse two types that would share a TypeScript name', () => {
    const registry = new MessageRegistry();
    registry.register('z_msgs/srv/Ping', 'int8 a\n---\n');
    const clash = { ...registry.get('z_msgs/srv/Ping_Request'), type: 'z_msgs/msg/Ping_Request' };
    expect(() => renderPackageFile('z_msgs', [registry.get('z_msgs/srv/Ping_Request'), clash])).toThrow(
      /would both be named z_msgs\.Ping_Request/,
    );
  });
});

describe('extractComments', () => {
  it('attaches blocks to the type or to the field they sit on', () => {
    const comments = extractComments(
      [
        '# The type.',
        '# Second line.',
        '',
        '# About x.',
        'float64 x # trailing',
        '',
        'float64 y',
        '## y2',
        'int8 Y2=1',
      ].join('\n'),
    );
    expect(comments.type).toEqual(['The type.', 'Second line.']);
    expect(comments.members.get('x')).toEqual(['About x.', 'trailing']);
    expect(comments.members.get('y')).toEqual([]);
    expect(comments.members.get('Y2')).toEqual(['y2']);
  });
});
