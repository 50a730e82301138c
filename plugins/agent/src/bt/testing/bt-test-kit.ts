import { ManualClock } from '@omnimind/core';
import type { BehaviorTree } from '../behavior-tree.js';
import { BehaviorTreeFactory } from '../bt-factory.js';
import type { LeafResult } from '../leaf-types.js';
import type { TickStatus } from '../node-status.js';
import { inputPort } from '../ports.js';

/** Resolvers of one pending `Work` run. */
interface WorkRun {
  readonly signal: AbortSignal;
  resolve(value: LeafResult | void): void;
  reject(error: unknown): void;
}

/**
 * A factory with scripted leaves for engine tests, on a ManualClock:
 * - `Check id` (condition) and `Step id` (sync action) return `results[id]` (default SUCCESS);
 * - `Act id` (stateful) returns `results[id]` from onStart and onRunning, so it can be RUNNING;
 * - `Work id` (stateful) returns a promise the test settles with `work(id).resolve(...)`.
 * Every tick and halt is appended to `log` as `id` or `halt:id`.
 */
export function createKit() {
  const clock = new ManualClock();
  const factory = new BehaviorTreeFactory();
  const results = new Map<string, TickStatus | boolean>();
  const log: string[] = [];
  const runs = new Map<string, WorkRun>();
  const idPort = { id: inputPort('string') };
  let trees = 0;
  const result = (id: string): TickStatus | boolean => results.get(id) ?? 'SUCCESS';

  factory.registerCondition('Check', {
    ports: idPort,
    check: (ctx) => {
      const id = ctx.getInput<string>('id');
      log.push(id);
      return result(id) as LeafResult;
    },
  });
  factory.registerAction('Step', {
    ports: idPort,
    tick: (ctx) => {
      const id = ctx.getInput<string>('id');
      log.push(id);
      return result(id) as LeafResult;
    },
  });
  factory.registerStatefulAction('Act', {
    ports: idPort,
    onStart: (ctx) => {
      const id = ctx.getInput<string>('id');
      log.push(`start:${id}`);
      return result(id);
    },
    onRunning: (ctx) => {
      const id = ctx.getInput<string>('id');
      log.push(id);
      return result(id);
    },
    onHalted: (ctx) => {
      log.push(`halt:${ctx.getInput<string>('id')}`);
    },
  });
  factory.registerStatefulAction('Work', {
    ports: idPort,
    onStart: (ctx) => {
      const id = ctx.getInput<string>('id');
      log.push(`start:${id}`);
      return new Promise<LeafResult | void>((resolve, reject) => {
        runs.set(id, { signal: ctx.signal, resolve, reject });
      });
    },
    onHalted: (ctx) => {
      log.push(`halt:${ctx.getInput<string>('id')}`);
    },
  });

  return {
    clock,
    factory,
    results,
    log,
    /** The latest run of `Work id`. */
    work(id: string): WorkRun {
      const run = runs.get(id);
      if (!run) throw new Error(`Work ${id} never started`);
      return run;
    },
    /** Builds a one-tree document around `body` (tree IDs T1, T2, ...). */
    tree(body: string, file = 'test.xml'): BehaviorTree {
      return factory.createTreeFromXml(
        `<root BTCPP_format="4"><BehaviorTree ID="T${++trees}">${body}</BehaviorTree></root>`,
        file,
        { clock },
      );
    },
    /** Ticks `tree` and returns its status together with the log of that tick (the log is cleared). */
    tick(tree: BehaviorTree): { status: TickStatus; log: string[] } {
      log.length = 0;
      const status = tree.tick();
      return { status, log: [...log] };
    },
  };
}

/** Lets settled promises run their callbacks. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
