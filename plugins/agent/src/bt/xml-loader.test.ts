import { describe, expect, it } from 'vitest';
import { UserInputError } from '@omnimind/core';
import { BehaviorTreeFactory } from './bt-factory.js';
import { inputPort, outputPort } from './ports.js';

function factory(): BehaviorTreeFactory {
  const f = new BehaviorTreeFactory();
  f.registerAction('GoTo', {
    ports: {
      goal: inputPort('json'),
      speed: inputPort('number', { default: 0.5 }),
      reached: outputPort('boolean', { optional: true }),
    },
    tick: () => true,
  });
  f.registerCondition('IsBatteryOk', { ports: { min: inputPort('number', { default: 0.2 }) }, check: () => true });
  return f;
}

/** Loads `text` as `mission.xml` and returns the error's code, location and message. */
function loadError(text: string, f = factory()): { code: string; at: string; message: string } {
  try {
    f.createTreeFromXml(text, 'mission.xml');
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const e = error as UserInputError;
    const at = e.location ? `${e.location.file}:${e.location.line}:${e.location.col}` : '';
    return { code: e.code, at, message: e.message };
  }
  throw new Error('expected a load error');
}

const doc = (body: string): string => `<root BTCPP_format="4">\n${body}\n</root>`;

describe('loading BehaviorTree.CPP v4 XML', () => {
  it('loads the explicit <Action ID> form, ignores TreeNodesModel, and converts literals', () => {
    const f = factory();
    const tree = f.createTreeFromXml(
      doc(`<BehaviorTree ID="Main">
  <Sequence name="root">
    <Condition ID="IsBatteryOk" min="0.3"/>
    <Action ID="GoTo" goal='{"x":1,"y":2}' reached="{ok}"/>
  </Sequence>
</BehaviorTree>
<TreeNodesModel><Action ID="GoTo"><input_port name="goal"/></Action></TreeNodesModel>`),
      'mission.xml',
    );
    expect(tree.nodes.map((n) => `${n.identity.type}:${n.identity.name}`)).toEqual([
      'Sequence:root',
      'IsBatteryOk:IsBatteryOk',
      'GoTo:GoTo',
    ]);
    expect(tree.nodes[2]?.ports.getInput('goal')).toEqual({ x: 1, y: 2 });
    expect(tree.nodes[2]?.ports.getInput('speed')).toBe(0.5);
    expect(tree.nodes[1]?.ports.getInput('min')).toBe(0.3);
  });

  it('reports malformed XML where the parser stopped', () => {
    const e = loadError(doc('<BehaviorTree ID="Main">\n  <Sequence>\n</BehaviorTree>'));
    expect(e.code).toBe('OMNI_ERR_BT_XML');
    expect(e.at).toMatch(/^mission\.xml:4:\d+$/);
    expect(loadError('').code).toBe('OMNI_ERR_BT_XML');
    expect(loadError('<root><!DOCTYPE x></root>').code).toBe('OMNI_ERR_BT_XML');
    expect(loadError('<root>&ext;</root>').code).toBe('OMNI_ERR_BT_XML');
  });

  it('rejects files that are not BehaviorTree.CPP v4', () => {
    expect(loadError('<trees/>')).toMatchObject({ code: 'OMNI_ERR_BT_FORMAT', at: 'mission.xml:1:1' });
    expect(
      loadError('<root BTCPP_format="3"><BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree></root>'),
    ).toMatchObject({
      code: 'OMNI_ERR_BT_FORMAT',
      at: 'mission.xml:1:21',
    });
    expect(loadError(doc('<include path="other.xml"/>'))).toMatchObject({
      code: 'OMNI_ERR_BT_FORMAT',
      at: 'mission.xml:2:1',
    });
    expect(loadError(doc('<BehaviorTree><AlwaysSuccess/></BehaviorTree>'))).toMatchObject({
      code: 'OMNI_ERR_BT_FORMAT',
      at: 'mission.xml:2:1',
    });
    expect(loadError(doc('<TreeNodesModel/>')).code).toBe('OMNI_ERR_BT_FORMAT');
    expect(loadError('<root foo="1"><BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree></root>').code).toBe(
      'OMNI_ERR_BT_FORMAT',
    );
    expect(loadError(doc('<BehaviorTree ID="A">\n  <Action name="x"/>\n</BehaviorTree>'))).toMatchObject({
      code: 'OMNI_ERR_BT_FORMAT',
      at: 'mission.xml:3:3',
    });
  });

  it('reports unknown node types with a did-you-mean from the registry', () => {
    const e = loadError(
      doc('<BehaviorTree ID="Main">\n  <Sequence>\n    <Goto goal="{g}"/>\n  </Sequence>\n</BehaviorTree>'),
    );
    expect(e).toMatchObject({ code: 'OMNI_ERR_BT_UNKNOWN_NODE', at: 'mission.xml:4:5' });
    expect(e.message).toContain('did you mean "GoTo"');
    const reactive = loadError(
      doc('<BehaviorTree ID="Main"><ReactivSequence><AlwaysSuccess/></ReactivSequence></BehaviorTree>'),
    );
    expect(reactive.message).toContain('"ReactiveSequence"');
    expect(loadError(doc('<BehaviorTree ID="Main"><Zzzzzzzzz/></BehaviorTree>')).message).not.toContain('did you mean');
    expect(loadError(doc('<BehaviorTree ID="M"><Condition ID="GoTo" goal="{g}"/></BehaviorTree>')).message).toContain(
      'is a action, not a condition',
    );
  });

  it('reports wrong child counts', () => {
    const twoChildren = loadError(
      doc(
        '<BehaviorTree ID="Main">\n  <Inverter>\n    <AlwaysSuccess/>\n    <AlwaysFailure/>\n  </Inverter>\n</BehaviorTree>',
      ),
    );
    expect(twoChildren).toMatchObject({ code: 'OMNI_ERR_BT_CHILD_COUNT', at: 'mission.xml:3:3' });
    expect(twoChildren.message).toContain('exactly 1 child, found 2');
    expect(loadError(doc('<BehaviorTree ID="M"><Sequence/></BehaviorTree>')).message).toContain('at least 1');
    expect(
      loadError(doc('<BehaviorTree ID="M"><AlwaysSuccess><AlwaysSuccess/></AlwaysSuccess></BehaviorTree>')).code,
    ).toBe('OMNI_ERR_BT_CHILD_COUNT');
    expect(loadError(doc('<BehaviorTree ID="M"><AlwaysSuccess/><AlwaysSuccess/></BehaviorTree>')).code).toBe(
      'OMNI_ERR_BT_CHILD_COUNT',
    );
    expect(
      loadError(
        doc(
          '<BehaviorTree ID="M"><SubTree ID="S"><AlwaysSuccess/></SubTree></BehaviorTree><BehaviorTree ID="S"><AlwaysSuccess/></BehaviorTree>',
        ),
      ).code,
    ).toBe('OMNI_ERR_BT_CHILD_COUNT');
  });

  it('reports missing required ports at the element', () => {
    const e = loadError(doc('<BehaviorTree ID="Main">\n  <GoTo speed="1"/>\n</BehaviorTree>'));
    expect(e).toMatchObject({ code: 'OMNI_ERR_BT_MISSING_PORT', at: 'mission.xml:3:3' });
    expect(e.message).toContain('goal (input json)');
    expect(loadError(doc('<BehaviorTree ID="M"><Timeout><AlwaysSuccess/></Timeout></BehaviorTree>')).message).toContain(
      'msec',
    );
  });

  it('reports unknown ports with the ports the type has', () => {
    const e = loadError(doc('<BehaviorTree ID="Main">\n  <GoTo goal="{g}" sped="1"/>\n</BehaviorTree>'));
    expect(e).toMatchObject({ code: 'OMNI_ERR_BT_UNKNOWN_PORT', at: 'mission.xml:3:26' });
    expect(e.message).toContain('did you mean "speed"');
    expect(loadError(doc('<BehaviorTree ID="M"><SubTree ID="M" _skipIf="x"/></BehaviorTree>')).code).toBe(
      'OMNI_ERR_BT_UNKNOWN_PORT',
    );
  });

  it('reports port values that do not convert, at the attribute value', () => {
    expect(loadError(doc('<BehaviorTree ID="M">\n  <GoTo goal="{g}" speed="fast"/>\n</BehaviorTree>'))).toMatchObject({
      code: 'OMNI_ERR_BT_PORT_VALUE',
      at: 'mission.xml:3:27',
    });
    expect(loadError(doc('<BehaviorTree ID="M"><GoTo goal="{x:1}"/></BehaviorTree>')).code).toBe(
      'OMNI_ERR_BT_PORT_VALUE',
    );
    const literalOutput = loadError(doc('<BehaviorTree ID="M"><GoTo goal="{g}" reached="true"/></BehaviorTree>'));
    expect(literalOutput.message).toContain('needs a blackboard entry');
    expect(
      loadError(
        doc(
          '<BehaviorTree ID="M"><Parallel success_count="3"><AlwaysSuccess/><AlwaysSuccess/></Parallel></BehaviorTree>',
        ),
      ).message,
    ).toContain('does not fit 2 children');
    expect(
      loadError(doc('<BehaviorTree ID="M"><Timeout msec="-5"><AlwaysSuccess/></Timeout></BehaviorTree>')).code,
    ).toBe('OMNI_ERR_BT_PORT_VALUE');
    expect(
      loadError(doc('<BehaviorTree ID="M"><Repeat num_cycles="1.5"><AlwaysSuccess/></Repeat></BehaviorTree>')).code,
    ).toBe('OMNI_ERR_BT_PORT_VALUE');
    expect(loadError(doc('<BehaviorTree ID="M"><SubTree ID="M" _autoremap="maybe"/></BehaviorTree>')).code).toBe(
      'OMNI_ERR_BT_PORT_VALUE',
    );
  });

  it('reports unknown subtree IDs and main trees', () => {
    const e = loadError(
      doc(
        '<BehaviorTree ID="Main">\n  <SubTree ID="fetch"/>\n</BehaviorTree>\n<BehaviorTree ID="Fetch"><AlwaysSuccess/></BehaviorTree>',
      ).replace('<root BTCPP_format="4">', '<root BTCPP_format="4" main_tree_to_execute="Main">'),
    );
    expect(e).toMatchObject({ code: 'OMNI_ERR_BT_UNKNOWN_TREE', at: 'mission.xml:3:16' });
    expect(e.message).toContain('did you mean "Fetch"');
    const main = loadError(
      '<root BTCPP_format="4" main_tree_to_execute="Mian"><BehaviorTree ID="Main"><AlwaysSuccess/></BehaviorTree></root>',
    );
    expect(main).toMatchObject({ code: 'OMNI_ERR_BT_UNKNOWN_TREE', at: 'mission.xml:1:46' });
    expect(() => factory().createTree('Nope')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BT_UNKNOWN_TREE' }));
  });

  it('reports subtree recursion with the cycle', () => {
    const e = loadError(
      `<root BTCPP_format="4" main_tree_to_execute="A">
<BehaviorTree ID="A"><SubTree ID="B"/></BehaviorTree>
<BehaviorTree ID="B"><Sequence><AlwaysSuccess/><SubTree ID="A"/></Sequence></BehaviorTree>
</root>`,
    );
    expect(e).toMatchObject({ code: 'OMNI_ERR_BT_SUBTREE_RECURSION', at: 'mission.xml:3:48' });
    expect(e.message).toContain('A -> B -> A');
    expect(loadError(doc('<BehaviorTree ID="Self"><SubTree ID="Self"/></BehaviorTree>')).message).toContain(
      'Self -> Self',
    );
  });

  it('reports duplicate trees and files with several trees but no main', () => {
    expect(
      loadError(
        doc(
          '<BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree>\n<BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree>',
        ),
      ),
    ).toMatchObject({ code: 'OMNI_ERR_BT_DUPLICATE_TREE', at: 'mission.xml:3:19' });
    const f = factory();
    f.registerTreesFromXml(doc('<BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree>'), 'a.xml');
    expect(loadError(doc('<BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree>'), f).message).toContain('a.xml:2:1');
    expect(
      loadError(
        doc('<BehaviorTree ID="A"><AlwaysSuccess/></BehaviorTree><BehaviorTree ID="B"><AlwaysSuccess/></BehaviorTree>'),
      ),
    ).toMatchObject({ code: 'OMNI_ERR_BT_NO_MAIN_TREE', at: 'mission.xml:2:1' });
  });

  it('rejects bad node type registrations', () => {
    const f = factory();
    expect(() => f.registerAction('GoTo', { tick: () => true })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_DUPLICATE_TYPE' }),
    );
    expect(() => f.registerAction('Sequence', { tick: () => true })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_DUPLICATE_TYPE' }),
    );
    expect(() => f.registerAction('SubTree', { tick: () => true })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_INVALID_TYPE' }),
    );
    expect(() => f.registerAction('has space', { tick: () => true })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_INVALID_TYPE' }),
    );
    expect(() => f.registerAction('X', { ports: { name: inputPort() }, tick: () => true })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_INVALID_TYPE' }),
    );
    expect(() => f.registerStatefulAction('Y', {} as never)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_INVALID_TYPE' }),
    );
  });
});
