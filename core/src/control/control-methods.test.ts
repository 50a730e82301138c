import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argumentsFromBody, bodyFromArguments, CONTROL_METHODS, isControlMethod } from './control-methods.js';

describe('control methods', () => {
  it('knows every method and nothing inherited', () => {
    expect(isControlMethod('paramSet')).toBe(true);
    expect(isControlMethod('toString')).toBe(false);
    expect(isControlMethod('constructor')).toBe(false);
  });

  it('maps named arguments to positional ones and back', () => {
    expect(argumentsFromBody('paramSet', { name: 'rate_hz', node: '/a', value: [1, 2] })).toEqual([
      '/a',
      'rate_hz',
      [1, 2],
    ]);
    expect(argumentsFromBody('paramList', {})).toEqual([undefined]);
    expect(argumentsFromBody('topics', { includeHidden: true })).toEqual([true]);
    expect(bodyFromArguments('publish', ['/t', undefined, { a: 1 }])).toEqual({ topic: '/t', message: { a: 1 } });
  });

  it('refuses wrong types, unknown fields and non-object bodies', () => {
    expect(() => argumentsFromBody('paramGet', { node: '/a' })).toThrow(/argument 'name' must be a string/);
    expect(() => argumentsFromBody('topics', { includeHidden: 'yes' })).toThrow(/must be a boolean/);
    expect(() => argumentsFromBody('nodes', { extra: 1 })).toThrow(
      /unknown argument 'extra' \(expected no arguments\)/,
    );
    expect(() => argumentsFromBody('nodes', [1])).toThrow(/JSON object/);
  });

  it('round-trips any well-typed call through the body form', () => {
    const methods = Object.keys(CONTROL_METHODS) as (keyof typeof CONTROL_METHODS)[];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.string(),
        fc.string(),
        fc.boolean(),
        fc.jsonValue(),
        (method, s1, s2, b, any) => {
          const args = CONTROL_METHODS[method].map((spec, index) => {
            if (spec.kind === 'string') return index === 0 ? s1 : s2;
            if (spec.kind === 'string?') return s2;
            if (spec.kind === 'boolean?') return b;
            return any;
          });
          const body = JSON.parse(JSON.stringify(bodyFromArguments(method, args))) as unknown;
          expect(argumentsFromBody(method, body)).toEqual(JSON.parse(JSON.stringify(args)) as unknown);
        },
      ),
    );
  });
});
