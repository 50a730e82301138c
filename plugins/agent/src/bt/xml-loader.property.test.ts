import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '@omnimind/core';
import { BehaviorTreeFactory } from './bt-factory.js';
import { inputPort, outputPort } from './ports.js';

function factory(): BehaviorTreeFactory {
  const f = new BehaviorTreeFactory();
  f.registerAction('GoTo', {
    ports: { goal: inputPort('json'), done: outputPort('boolean', { optional: true }) },
    tick: () => true,
  });
  f.registerCondition('Near', { ports: { d: inputPort('number', { default: 1 }) }, check: () => true });
  return f;
}

/** Loads `text`; returns 'ok' or rethrows anything that is not a UserInputError with a location. */
function load(text: string): 'ok' | 'input-error' {
  try {
    factory().createTreeFromXml(text, 'fuzz.xml');
    return 'ok';
  } catch (error) {
    if (error instanceof UserInputError && error.location?.file === 'fuzz.xml' && error.location.line >= 1) {
      return 'input-error';
    }
    throw error;
  }
}

const ELEMENTS = [
  'Sequence',
  'Fallback',
  'ReactiveSequence',
  'Parallel',
  'Inverter',
  'Repeat',
  'Timeout',
  'GoTo',
  'Near',
  'SubTree',
  'Sleep',
  'Bogus',
];
const ATTRIBUTES = ['goal', 'd', 'num_cycles', 'msec', 'ID', 'name', 'success_count', 'x', '_autoremap', 'done'];
const VALUES = ['1', '-1', '{k}', '{=}', 'abc', '{"a":1}', 'T', 'Main', 'true', '2.5', ''];

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      fc.constantFrom(...ELEMENTS),
      fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...VALUES)), { maxLength: 3 }),
      depth > 1 ? fc.array(element(depth - 1), { maxLength: 3 }) : fc.constant([] as string[]),
    )
    .map(([name, attributes, children]) => {
      const unique = new Map(attributes);
      const attrs = [...unique].map(([k, v]) => ` ${k}="${v}"`).join('');
      return children.length ? `<${name}${attrs}>${children.join('')}</${name}>` : `<${name}${attrs}/>`;
    }),
);

describe('XML loader fuzzing', () => {
  it('random text only ever raises UserInputErrors with a location', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => void load(text)),
      { numRuns: 500 },
    );
  });

  it('random XML-like text only ever raises UserInputErrors', () => {
    const token = fc.constantFrom(
      '<',
      '>',
      '/',
      '="',
      '"',
      ' ',
      'root',
      'BehaviorTree',
      'ID',
      'Sequence',
      '&amp;',
      '<!--',
      '-->',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
        (text) => void load(text),
      ),
      {
        numRuns: 500,
      },
    );
  });

  it('random trees of known and unknown nodes either load or raise UserInputErrors', () => {
    let loaded = 0;
    fc.assert(
      fc.property(element(4), fc.boolean(), (root, withLib) => {
        const lib = withLib ? '<BehaviorTree ID="T"><AlwaysSuccess/></BehaviorTree>' : '';
        const text = `<root BTCPP_format="4" main_tree_to_execute="Main"><BehaviorTree ID="Main">${root}</BehaviorTree>${lib}</root>`;
        if (load(text) === 'ok') loaded++;
      }),
      { numRuns: 400 },
    );
    expect(loaded).toBeGreaterThan(0);
  });
});
