import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { parseLaunchArguments } from './launch-arguments.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';

describe('parseLaunchArguments', () => {
  it('reads name:=value pairs; the value is everything after the first :=', () => {
    expect(parseLaunchArguments(['use_sim:=true', 'robot:=r2', 'expr:=a:=b', 'empty:=', 'ns.x-y:=1'])).toEqual({
      use_sim: 'true',
      robot: 'r2',
      expr: 'a:=b',
      empty: '',
      'ns.x-y': '1',
    });
  });

  it('keeps the last value of a repeated name', () => {
    expect(parseLaunchArguments(['a:=1', 'a:=2'])).toEqual({ a: '2' });
  });

  it('stores a name like __proto__ as a plain key', () => {
    const args = parseLaunchArguments(['__proto__:=x']);
    expect(Object.keys(args)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
  });

  it.each([['robot'], ['robot=r2'], [':=value'], ['1abc:=x'], ['a b:=c']])('rejects %s', (item) => {
    let caught: unknown;
    try {
      parseLaunchArguments([item]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LaunchFileError);
    expect(hasErrorCode(caught, LaunchErrorCode.ArgumentSyntax)).toBe(true);
    expect((caught as Error).message).toContain('name:=value');
    expect((caught as Error).message).toContain(item);
  });

  it('either parses or throws an argument-syntax error (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (argv) => {
        try {
          const args = parseLaunchArguments(argv);
          for (const [name, value] of Object.entries(args)) expect(argv).toContain(`${name}:=${value}`);
        } catch (error) {
          expect(hasErrorCode(error, LaunchErrorCode.ArgumentSyntax)).toBe(true);
        }
      }),
    );
  });
});
