import { EventEmitter } from 'node:events';
import { Subject } from 'rxjs';
import { bench, describe } from 'vitest';
import { MessageBus } from '@omnimind/core';
import { payload, percentile, round3, writeResult } from './bench-helpers.js';

/** Per-message publish -> receive latency, measured with process.hrtime.bigint() around each message. */
type Msg = { data: Uint8Array };
const MESSAGES = 20_000;
const WARMUP = 2_000;

let receivedAt = 0n;

function measure(publish: (msg: Msg) => void, msg: Msg): { p50: number; p99: number; p999: number } {
  // Preallocated, so that recording does not itself trigger garbage collection mid-measurement.
  const samples = new Float64Array(MESSAGES);
  for (let i = 0; i < WARMUP + MESSAGES; i++) {
    const start = process.hrtime.bigint();
    publish(msg);
    if (i >= WARMUP) samples[i - WARMUP] = Number(receivedAt - start);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), p999: percentile(samples, 99.9) };
}

const subject = new Subject<Msg>();
subject.subscribe(() => (receivedAt = process.hrtime.bigint()));
const emitter = new EventEmitter();
emitter.on('m', () => (receivedAt = process.hrtime.bigint()));
const bus = new MessageBus();
bus
  .forNode({ name: 'listener' })
  .topic<Msg>('/chatter', 'x/msg/Blob')
  .subscribe(() => void (receivedAt = process.hrtime.bigint()));
const topic = bus.forNode({ name: 'talker' }).topic<Msg>('/chatter', 'x/msg/Blob');

const variants: Record<string, (msg: Msg) => void> = {
  'raw Subject': (m) => subject.next(m),
  EventEmitter: (m) => emitter.emit('m', m),
  bus: (m) => topic.publish(m),
};

const latency: Record<string, Record<string, { p50: number; p99: number; p999: number }>> = {};
for (const [label, bytes] of [
  ['8 B', 8],
  ['4 MB', 4 * 1024 * 1024],
] as const) {
  const msg = payload(bytes);
  latency[label] = {};
  // Two passes, keeping the second, so every variant is measured warm.
  for (let pass = 0; pass < 2; pass++) {
    for (const [name, publish] of Object.entries(variants)) latency[label]![name] = measure(publish, msg);
  }
}
writeResult('bus-latency', {
  unit: 'ns from before publish() to the subscriber callback',
  messages: MESSAGES,
  latency,
  ratios: Object.fromEntries(
    Object.entries(latency).map(([label, v]) => [
      label,
      {
        busVsSubjectP50: round3(v.bus!.p50 / v['raw Subject']!.p50),
        busVsSubjectP99: round3(v.bus!.p99 / v['raw Subject']!.p99),
      },
    ]),
  ),
});

describe('single message publish -> receive', () => {
  const msg = payload(8);
  for (const [name, publish] of Object.entries(variants)) bench(name, () => publish(msg), { time: 300 });
});
