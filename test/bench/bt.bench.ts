import { bench, describe } from 'vitest';
import { ManualClock } from '@omnimind/core';
import { BehaviorTreeFactory, inputPort } from '../../plugins/agent/src/bt/index.js';
import type { BehaviorTree } from '../../plugins/agent/src/bt/index.js';
import { compareNsPerOp, round3, writeResult } from './bench-helpers.js';

/**
 * Ticking a 50-node behavior tree (control nodes, decorators and synchronous leaves) against a
 * hand-written function that takes the same decisions, in the same run. Both read the same flags
 * and bump the same counters, and the bench checks that they end with equal counters.
 */
let tickNo = 0;
const counters = new Float64Array(64);
const flag = (k: number): boolean => (tickNo + k) % 3 !== 0;
const act = (k: number): boolean => {
  counters[k]! += 1;
  return true;
};

/** A block of 10 nodes: Fallback(Sequence(Flag, Inverter(Flag), Do), ForceSuccess(Sequence(Flag, Do))). */
function block(n: number): string {
  const k = n * 5;
  return `<Fallback><Sequence><Flag k="${k}"/><Inverter><Flag k="${k + 1}"/></Inverter><Do k="${k + 2}"/></Sequence>
    <ForceSuccess><Sequence><Flag k="${k + 3}"/><Do k="${k + 4}"/></Sequence></ForceSuccess></Fallback>`;
}

const XML = `<root BTCPP_format="4"><BehaviorTree ID="Bench"><Sequence>
  <Flag k="40"/>
  ${[0, 1, 2, 3].map(block).join('\n')}
  <RetryUntilSuccessful num_attempts="2"><Do k="41"/></RetryUntilSuccessful>
  <Repeat num_cycles="2"><Do k="42"/></Repeat>
  <Parallel><Flag k="43"/><Do k="44"/><Do k="45"/></Parallel>
</Sequence></BehaviorTree></root>`;

/** The same decisions, written by hand. */
function handBlock(n: number): void {
  const k = n * 5;
  if (flag(k) && !flag(k + 1) && act(k + 2)) return;
  if (flag(k + 3)) act(k + 4);
}

function handTick(): boolean {
  if (!flag(40)) return false;
  for (let n = 0; n < 4; n++) handBlock(n);
  act(41);
  act(42);
  act(42);
  if (!flag(43)) return false;
  act(44);
  act(45);
  return true;
}

function buildTree(): BehaviorTree {
  const factory = new BehaviorTreeFactory();
  const k = { k: inputPort('number') };
  factory.registerCondition('Flag', { ports: k, check: (ctx) => flag(ctx.getInput<number>('k')) });
  factory.registerAction('Do', { ports: k, tick: (ctx) => act(ctx.getInput<number>('k')) });
  return factory.createTreeFromXml(XML, 'bench.xml', { clock: new ManualClock() });
}

const tree = buildTree();
const observed = buildTree();
let changes = 0;
observed.statusChanges.subscribe(() => changes++);
if (tree.nodes.length !== 50) throw new Error(`the bench tree has ${tree.nodes.length} nodes, expected 50`);

// Same decisions: equal counters and results over a few hundred ticks.
function run(tickOnce: () => boolean, ticks: number): { counters: number[]; results: boolean[] } {
  counters.fill(0);
  const results: boolean[] = [];
  for (tickNo = 0; tickNo < ticks; tickNo++) results.push(tickOnce());
  return { counters: [...counters], results };
}
const byTree = run(() => tree.tick() === 'SUCCESS', 300);
const byHand = run(handTick, 300);
if (JSON.stringify(byTree) !== JSON.stringify(byHand))
  throw new Error('the tree and the hand-written function disagree');

const nsPerTick = compareNsPerOp(
  {
    'hand-written': (ops) => {
      for (let i = 0; i < ops; i++, tickNo++) handTick();
    },
    tree: (ops) => {
      for (let i = 0; i < ops; i++, tickNo++) tree.tick();
    },
    'tree, status changes observed': (ops) => {
      for (let i = 0; i < ops; i++, tickNo++) observed.tick();
    },
  },
  { ops: 5_000, rounds: 25, warmupRounds: 5 },
);
const us = (name: string): number => round3(nsPerTick[name]! / 1000);
writeResult('bt', {
  unit: 'µs per tick of a 50-node tree (control nodes, decorators, synchronous leaves)',
  nodes: tree.nodes.length,
  usPerTick: {
    handWritten: us('hand-written'),
    tree: us('tree'),
    treeObserved: us('tree, status changes observed'),
  },
  ratios: {
    treeVsHandWritten: round3(nsPerTick.tree! / nsPerTick['hand-written']!),
    observedVsTree: round3(nsPerTick['tree, status changes observed']! / nsPerTick.tree!),
  },
});

describe('tick a 50-node behavior tree', () => {
  bench('hand-written function', () => void handTick(), { time: 300 });
  bench('BehaviorTree.tick()', () => void tree.tick(), { time: 300 });
});
