import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  nonNegativeNumber,
  parseAssignment,
  parseControlAddress,
  parseParamOverride,
  parseRemap,
  parseYamlValue,
  positiveInteger,
  positiveNumber,
} from './argument-parsers.js';

const paramName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,15}$/);
const nodeName = fc.stringMatching(/^(\/[a-z][a-z0-9_]{0,8}){1,3}$|^[a-z][a-z0-9_]{0,8}$/);

describe('parseYamlValue', () => {
  it('types values the way YAML does', () => {
    expect(parseYamlValue('5', 'v')).toBe(5);
    expect(parseYamlValue('2.5', 'v')).toBe(2.5);
    expect(parseYamlValue('true', 'v')).toBe(true);
    expect(parseYamlValue('hello world', 'v')).toBe('hello world');
    expect(parseYamlValue("'5'", 'v')).toBe('5');
    expect(parseYamlValue('[1, two]', 'v')).toEqual([1, 'two']);
    expect(parseYamlValue('{linear: {x: 0.5}}', 'v')).toEqual({ linear: { x: 0.5 } });
    expect(parseYamlValue('', 'v')).toBe('');
    expect(parseYamlValue('~', 'v')).toBeNull();
  });

  it('says where the YAML is wrong', () => {
    expect(() => parseYamlValue('{a: 1, a: 2}', '<message>')).toThrow(/^<<message>>:1:\d+: not valid YAML/);
    expect(() => parseYamlValue('[1, 2', '<message>')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_CLI_VALUE' }));
    expect(() => parseYamlValue('a: 1\nb: "open', 'v')).toThrow('<v>:2:9: not valid YAML: Missing closing "quote (got');
    expect(() => parseYamlValue('{a: 1, a: 2}', 'v')).toThrow('<v>:1:8: not valid YAML: Map keys must be unique (got');
  });

  it('reads back any JSON value written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normal = JSON.parse(JSON.stringify(value)) as unknown;
        const text = toYaml(normal);
        if (text.trim() === '') return;
        expect(parseYamlValue(text, 'v')).toEqual(normal);
      }),
    );
  });

  it('never throws anything but a usage error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseYamlValue(text, 'v');
        } catch (error) {
          expect(error).toMatchObject({ code: 'OMNI_ERR_CLI_VALUE' });
        }
      }),
    );
  });
});

describe('parseParamOverride', () => {
  it('splits node, name and value', () => {
    expect(parseParamOverride('rate_hz:=5')).toEqual({ node: undefined, name: 'rate_hz', value: 5 });
    expect(parseParamOverride('heartbeat:rate_hz:=5')).toEqual({ node: 'heartbeat', name: 'rate_hz', value: 5 });
    expect(parseParamOverride('/demo/heartbeat:qos.depth:=[1]')).toEqual({
      node: '/demo/heartbeat',
      name: 'qos.depth',
      value: [1],
    });
    expect(parseParamOverride('url:=http://x:80/a')).toEqual({ node: undefined, name: 'url', value: 'http://x:80/a' });
  });

  it('refuses malformed overrides', () => {
    expect(() => parseParamOverride('rate_hz=5')).toThrow("malformed --param 'rate_hz=5': expected [node:]name:=value");
    expect(() => parseParamOverride(':=5')).toThrow(/malformed --param/);
    expect(() => parseParamOverride(':rate:=5')).toThrow(/empty node name/);
    expect(() => parseParamOverride('n:1x:=5')).toThrow(/parameter name '1x'/);
  });

  it('round-trips generated overrides', () => {
    fc.assert(
      fc.property(fc.option(nodeName, { nil: undefined }), paramName, fc.jsonValue(), (node, name, value) => {
        const normal = JSON.parse(JSON.stringify(value)) as unknown;
        const text = `${node === undefined ? '' : `${node}:`}${name}:=${JSON.stringify(normal)}`;
        expect(parseParamOverride(text)).toEqual({ node, name, value: normal });
      }),
    );
  });
});

describe('parseAssignment and parseRemap', () => {
  it('splits at the first :=', () => {
    expect(parseAssignment('a:=b:=c', 'x', 'a:=b')).toEqual({ name: 'a', value: 'b:=c' });
    expect(parseRemap('chatter:=/robot/chatter')).toEqual({ from: 'chatter', to: '/robot/chatter' });
    expect(() => parseRemap('chatter:=')).toThrow(/empty target/);
    expect(() => parseRemap('chatter')).toThrow(/expected from:=to/);
  });
});

describe('parseControlAddress', () => {
  it('reads ports, host:port and socket paths', () => {
    expect(parseControlAddress('7000')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 7000 });
    expect(parseControlAddress('0.0.0.0:7000')).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 7000 });
    expect(parseControlAddress('[::1]:7000')).toEqual({ kind: 'tcp', host: '::1', port: 7000 });
    expect(parseControlAddress('localhost:1')).toEqual({ kind: 'tcp', host: 'localhost', port: 1 });
    expect(parseControlAddress('./omnimind.sock')).toEqual({ kind: 'socket', path: './omnimind.sock' });
    expect(parseControlAddress('omnimind.sock')).toEqual({ kind: 'socket', path: 'omnimind.sock' });
    expect(parseControlAddress('/run/omnimind/control')).toEqual({ kind: 'socket', path: '/run/omnimind/control' });
  });

  it('refuses anything else', () => {
    for (const text of ['', 'abc', '70000', 'host:', ':80', 'a b:80', 'host:99999']) {
      expect(() => parseControlAddress(text), text).toThrow(expect.objectContaining({ code: 'OMNI_ERR_CLI_USAGE' }));
    }
  });

  it('accepts every valid port', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), (port) => {
        expect(parseControlAddress(String(port))).toEqual({ kind: 'tcp', host: '127.0.0.1', port });
      }),
    );
  });
});

describe('number option parsers', () => {
  it('check their ranges', () => {
    expect(nonNegativeNumber('0')).toBe(0);
    expect(nonNegativeNumber('1.5')).toBe(1.5);
    expect(() => nonNegativeNumber('-1')).toThrow();
    expect(() => nonNegativeNumber('')).toThrow();
    expect(positiveNumber('0.1')).toBe(0.1);
    expect(() => positiveNumber('0')).toThrow();
    expect(() => positiveNumber('Infinity')).toThrow();
    expect(positiveInteger('12')).toBe(12);
    expect(() => positiveInteger('1.5')).toThrow();
    expect(() => positiveInteger('0')).toThrow();
    expect(() => positiveInteger('1e3')).toThrow();
  });
});
