import { EventEmitter } from 'node:events';
import { Subject } from 'rxjs';
import { bench, describe } from 'vitest';
import { MessageBus } from '@omnimind/core';
import type { Topic } from '@omnimind/core';
import { ManualClock } from '@omnimind/core';
import { compareNsPerOp, payload, round3, writeResult } from './bench-helpers.js';

/** publish -> deliver, one publisher and one subscriber, for growing payloads. */
type Msg = { data: Uint8Array };
const SIZES = { '8 B': 8, '4 KB': 4 * 1024, '400 KB': 400 * 1024, '4 MB': 4 * 1024 * 1024 } as const;
const BATCH = 100;

interface Rig {
  subject: Subject<Msg>;
  emitter: EventEmitter;
  busObserve: Topic<Msg>;
  busHandler: Topic<Msg>;
  busManualClock: Topic<Msg>;
}

let sink = 0;

function rig(): Rig {
  const subject = new Subject<Msg>();
  subject.subscribe((m) => (sink += m.data.length));
  const emitter = new EventEmitter();
  emitter.on('m', (m: Msg) => (sink += m.data.length));

  const bus = new MessageBus();
  const pubNode = bus.forNode({ name: 'talker' });
  const subNode = bus.forNode({ name: 'listener' });
  subNode
    .topic<Msg>('/observed', 'x/msg/Blob')
    .observe()
    .subscribe((e) => (sink += e.message.data.length));
  subNode.topic<Msg>('/handled', 'x/msg/Blob').subscribe((e) => void (sink += e.message.data.length));

  const manualBus = new MessageBus({ clock: new ManualClock() });
  manualBus
    .forNode({ name: 'listener' })
    .topic<Msg>('/handled', 'x/msg/Blob')
    .subscribe((e) => void (sink += e.message.data.length));

  return {
    subject,
    emitter,
    busObserve: pubNode.topic<Msg>('/observed', 'x/msg/Blob'),
    busHandler: pubNode.topic<Msg>('/handled', 'x/msg/Blob'),
    busManualClock: manualBus.forNode({ name: 'talker' }).topic<Msg>('/handled', 'x/msg/Blob'),
  };
}

const r = rig();

function variants(msg: Msg): Record<string, (n: number) => void> {
  return {
    'raw Subject': (n) => {
      for (let i = 0; i < n; i++) r.subject.next(msg);
    },
    EventEmitter: (n) => {
      for (let i = 0; i < n; i++) r.emitter.emit('m', msg);
    },
    'bus observe()': (n) => {
      for (let i = 0; i < n; i++) r.busObserve.publish(msg);
    },
    'bus subscribe()': (n) => {
      for (let i = 0; i < n; i++) r.busHandler.publish(msg);
    },
    'bus subscribe(), manual clock': (n) => {
      for (let i = 0; i < n; i++) r.busManualClock.publish(msg);
    },
  };
}

// Computed numbers for the summary: interleaved rounds, median ns per message.
const results: Record<string, Record<string, number>> = {};
for (const [label, bytes] of Object.entries(SIZES)) {
  results[label] = compareNsPerOp(variants(payload(bytes)));
}
const clockRead = compareNsPerOp({
  'performance.now()': (n) => {
    for (let i = 0; i < n; i++) sink += performance.now();
  },
});
// Zero-copy check: 8 B and 4 MB on their own topics and handlers (so neither disturbs the other's
// compiled code), alternating round by round in one comparison.
const zeroCopyBus = new MessageBus();
const zcListener = zeroCopyBus.forNode({ name: 'listener' });
zcListener.topic<Msg>('/small', 'x/msg/Blob').subscribe((e) => void (sink += e.message.data.length));
zcListener.topic<Msg>('/large', 'x/msg/Blob').subscribe((e) => void (sink -= e.message.data.length));
const zcTalker = zeroCopyBus.forNode({ name: 'talker' });
const smallTopic = zcTalker.topic<Msg>('/small', 'x/msg/Blob');
const largeTopic = zcTalker.topic<Msg>('/large', 'x/msg/Blob');
const small = payload(8);
const large = payload(4 * 1024 * 1024);
const zeroCopyNs = compareNsPerOp(
  {
    '8 B': (n) => {
      for (let i = 0; i < n; i++) smallTopic.publish(small);
    },
    '4 MB': (n) => {
      for (let i = 0; i < n; i++) largeTopic.publish(large);
    },
  },
  { rounds: 41 },
);
const ratio = (a: number, b: number): number => round3(a / b);
writeResult('bus-throughput', {
  unit: 'ns per message (median of interleaved rounds)',
  nsPerMessage: results,
  clockReadNs: clockRead['performance.now()'],
  ratios: Object.fromEntries(
    Object.entries(results).map(([label, v]) => [
      label,
      {
        observeVsSubject: ratio(v['bus observe()']!, v['raw Subject']!),
        subscribeVsSubject: ratio(v['bus subscribe()']!, v['raw Subject']!),
        manualClockVsSubject: ratio(v['bus subscribe(), manual clock']!, v['raw Subject']!),
        observeVsEventEmitter: ratio(v['bus observe()']!, v.EventEmitter!),
      },
    ]),
  ),
  zeroCopy: {
    nsPerMessage: zeroCopyNs,
    ratio4MBvs8B: ratio(zeroCopyNs['4 MB']!, zeroCopyNs['8 B']!),
  },
});

for (const [label, bytes] of Object.entries(SIZES)) {
  describe(`publish -> deliver, ${label} payload (x${BATCH} per iteration)`, () => {
    const v = variants(payload(bytes));
    for (const [name, run] of Object.entries(v)) bench(name, () => run(BATCH), { time: 300 });
  });
}

if (sink < 0) console.log(sink);
