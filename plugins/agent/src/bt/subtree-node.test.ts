import { describe, expect, it } from 'vitest';
import { inputPort, outputPort } from './ports.js';
import { createKit } from './testing/bt-test-kit.js';

function setup() {
  const k = createKit();
  const seen: unknown[] = [];
  k.factory.registerAction('Report', {
    ports: { value: inputPort('any') },
    tick: (ctx) => {
      seen.push(ctx.getInput('value'));
      return true;
    },
  });
  k.factory.registerAction('Write', {
    ports: { value: inputPort('any'), out: outputPort('any') },
    tick: (ctx) => ctx.setOutput('out', ctx.getInput('value')),
  });
  return { ...k, seen };
}

describe('SubTree', () => {
  it('remaps ports to parent entries and takes literals', () => {
    const k = setup();
    const tree = k.factory.createTreeFromXml(
      `<root BTCPP_format="4" main_tree_to_execute="Main">
        <BehaviorTree ID="Main">
          <Sequence>
            <SubTree ID="Fetch" item="{object}" place="shelf" result="{fetched}"/>
            <Report value="{fetched}"/>
          </Sequence>
        </BehaviorTree>
        <BehaviorTree ID="Fetch">
          <Sequence>
            <Report value="{item}"/>
            <Report value="{place}"/>
            <Write value="{item}" out="{result}"/>
            <Write value="scratch" out="{local}"/>
          </Sequence>
        </BehaviorTree>
      </root>`,
      'fetch.xml',
      { clock: k.clock },
    );
    tree.blackboard.set('object', { id: 'cup' });
    expect(tree.tick()).toBe('SUCCESS');
    expect(k.seen).toEqual([{ id: 'cup' }, 'shelf', { id: 'cup' }]);
    expect(tree.blackboard.has('local')).toBe(false);
    expect(tree.blackboard.localKeys().sort()).toEqual(['fetched', 'object']);
    expect(tree.nodes.map((n) => n.identity.path)).toEqual([
      'Main/Sequence',
      'Main/Sequence/Fetch[0]',
      'Main/Sequence/Fetch[0]/Sequence',
      'Main/Sequence/Fetch[0]/Sequence/Report[0]',
      'Main/Sequence/Fetch[0]/Sequence/Report[1]',
      'Main/Sequence/Fetch[0]/Sequence/Write[2]',
      'Main/Sequence/Fetch[0]/Sequence/Write[3]',
      'Main/Sequence/Report[1]',
    ]);
    expect(tree.nodes[1]?.identity).toMatchObject({ type: 'SubTree', category: 'subtree', uid: 1, parentUid: 0 });
  });

  it('_autoremap shares every non-private key with the parent', () => {
    const k = setup();
    const tree = k.factory.createTreeFromXml(
      `<root BTCPP_format="4" main_tree_to_execute="Main">
        <BehaviorTree ID="Main"><SubTree ID="Inner" _autoremap="true"/></BehaviorTree>
        <BehaviorTree ID="Inner">
          <Sequence><Report value="{battery}"/><Write value="done" out="{state}"/><Write value="x" out="{_tmp}"/></Sequence>
        </BehaviorTree>
      </root>`,
      'auto.xml',
      { clock: k.clock },
    );
    tree.blackboard.set('battery', 0.8);
    expect(tree.tick()).toBe('SUCCESS');
    expect(k.seen).toEqual([0.8]);
    expect(tree.blackboard.get('state')).toBe('done');
    expect(tree.blackboard.has('_tmp')).toBe(false);
  });

  it('converts string literals given to a subtree by the reading port type', () => {
    const k = setup();
    const tree = k.factory.createTreeFromXml(
      `<root BTCPP_format="4" main_tree_to_execute="Main">
        <BehaviorTree ID="Main"><SubTree ID="Wait" ms="250"/></BehaviorTree>
        <BehaviorTree ID="Wait"><Delay delay_msec="{ms}"><AlwaysSuccess/></Delay></BehaviorTree>
      </root>`,
      'wait.xml',
      { clock: k.clock },
    );
    expect(tree.tick()).toBe('RUNNING');
    k.clock.advanceBy(250);
    expect(tree.tick()).toBe('SUCCESS');
  });

  it('halting the parent halts the running subtree', () => {
    const k = setup();
    const tree = k.factory.createTreeFromXml(
      `<root BTCPP_format="4" main_tree_to_execute="Main">
        <BehaviorTree ID="Main"><ReactiveSequence><Check id="ok"/><SubTree ID="Job"/></ReactiveSequence></BehaviorTree>
        <BehaviorTree ID="Job"><Sequence><Work id="w"/></Sequence></BehaviorTree>
      </root>`,
      'job.xml',
      { clock: k.clock },
    );
    expect(tree.tick()).toBe('RUNNING');
    k.results.set('ok', false);
    expect(tree.tick()).toBe('FAILURE');
    expect(k.work('w').signal.aborted).toBe(true);
    expect(tree.nodes.slice(1).map((n) => n.status)).toEqual(['IDLE', 'IDLE', 'IDLE', 'IDLE']);
  });

  it('can reference trees registered from another file', () => {
    const k = setup();
    k.factory.registerTreesFromXml(
      '<root BTCPP_format="4"><BehaviorTree ID="Lib"><AlwaysSuccess/></BehaviorTree></root>',
      'lib.xml',
    );
    const tree = k.factory.createTreeFromXml(
      '<root BTCPP_format="4"><BehaviorTree ID="App"><SubTree ID="Lib"/></BehaviorTree></root>',
      'app.xml',
      { clock: k.clock },
    );
    expect(tree.id).toBe('App');
    expect(tree.tick()).toBe('SUCCESS');
    expect(k.factory.treeIds()).toEqual(['App', 'Lib']);
  });
});
