import { EventEmitter } from 'node:events';
import { Subject } from 'rxjs';
import { bench, describe } from 'vitest';
import { MessageBus } from '@omnimind/core';
import { compareNsPerOp, payload, round3, writeResult } from './bench-helpers.js';

/** One publisher, ten subscribers (each in its own node for the bus). */
type Msg = { data: Uint8Array };
const FANOUT = 10;
const BATCH = 100;
let sink = 0;

const subject = new Subject<Msg>();
const emitter = new EventEmitter();
emitter.setMaxListeners(FANOUT + 1);
const bus = new MessageBus();
for (let i = 0; i < FANOUT; i++) {
  subject.subscribe((m) => (sink += m.data.length));
  emitter.on('m', (m: Msg) => (sink += m.data.length));
  const node = bus.forNode({ name: `listener_${i}` });
  node
    .topic<Msg>('/observed', 'x/msg/Blob')
    .observe()
    .subscribe((e) => (sink += e.message.data.length));
  node.topic<Msg>('/handled', 'x/msg/Blob').subscribe((e) => void (sink += e.message.data.length));
}
const talker = bus.forNode({ name: 'talker' });
const observed = talker.topic<Msg>('/observed', 'x/msg/Blob');
const handled = talker.topic<Msg>('/handled', 'x/msg/Blob');
const msg = payload(8);

const variants: Record<string, (n: number) => void> = {
  'raw Subject': (n) => {
    for (let i = 0; i < n; i++) subject.next(msg);
  },
  EventEmitter: (n) => {
    for (let i = 0; i < n; i++) emitter.emit('m', msg);
  },
  'bus observe()': (n) => {
    for (let i = 0; i < n; i++) observed.publish(msg);
  },
  'bus subscribe()': (n) => {
    for (let i = 0; i < n; i++) handled.publish(msg);
  },
};

const ns = compareNsPerOp(variants, { ops: 5_000 });
writeResult('bus-fanout', {
  unit: 'ns per publish delivered to 10 subscribers (median of interleaved rounds)',
  fanout: FANOUT,
  nsPerPublish: ns,
  ratios: {
    observeVsSubject: round3(ns['bus observe()']! / ns['raw Subject']!),
    subscribeVsSubject: round3(ns['bus subscribe()']! / ns['raw Subject']!),
    observeVsEventEmitter: round3(ns['bus observe()']! / ns.EventEmitter!),
  },
});

describe(`fan-out 1 -> ${FANOUT}, 8 B (x${BATCH} per iteration)`, () => {
  for (const [name, run] of Object.entries(variants)) bench(name, () => run(BATCH), { time: 300 });
});

if (sink < 0) console.log(sink);
