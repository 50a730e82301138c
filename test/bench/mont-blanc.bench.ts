import { Subject } from 'rxjs';
import { bench, describe } from 'vitest';
import { MessageBus } from '@omnimind/core';
import type { Topic } from '@omnimind/core';
import { percentile, round3, writeResult } from './bench-helpers.js';

/**
 * The Mont Blanc reference topology (20 nodes, 23 publishers, 35 subscriptions, messages from 8 B
 * to 250 KB), driven as a data-flow graph: each relay node republishes its outputs when its
 * trigger input arrives, so one input from `cordoba` traverses lyon -> hamburg -> osaka -> tripoli
 * -> mandalay -> ponce -> geneva -> arequipa. End-to-end latency is cordoba publish -> arequipa receive.
 */
interface NodeSpec {
  readonly name: string;
  readonly subscribes?: readonly string[];
  /** The input whose arrival makes the node publish (sources publish when driven). */
  readonly trigger?: string;
  readonly publishes?: readonly string[];
}

/** Topic -> payload bytes. */
const TOPICS: Record<string, number> = {
  amazon: 36,
  ganges: 16,
  nile: 16,
  danube: 8,
  tigris: 16,
  parana: 12,
  columbia: 250_000,
  colorado: 16,
  salween: 48,
  godavari: 5_000,
  loire: 1_000,
  yamuna: 16,
  chenab: 1_000,
  missouri: 10_000,
  tagus: 250_000,
  brazos: 25_000,
  mekong: 100,
  congo: 16,
  lena: 50,
  ohio: 100,
  volga: 8,
  murray: 100,
  arkansas: 16,
};

const NODES: readonly NodeSpec[] = [
  { name: 'cordoba', publishes: ['amazon'] },
  { name: 'freeport', publishes: ['ganges'] },
  { name: 'medellin', publishes: ['nile'] },
  { name: 'portsmouth', publishes: ['danube'] },
  { name: 'delhi', publishes: ['columbia'] },
  { name: 'kingston', publishes: ['yamuna'] },
  { name: 'hebron', publishes: ['chenab'] },
  { name: 'lyon', subscribes: ['amazon'], trigger: 'amazon', publishes: ['tigris'] },
  { name: 'hamburg', subscribes: ['nile', 'tigris', 'ganges', 'danube'], trigger: 'tigris', publishes: ['parana'] },
  { name: 'taipei', subscribes: ['columbia'], trigger: 'columbia', publishes: ['colorado'] },
  { name: 'osaka', subscribes: ['parana', 'colorado'], trigger: 'parana', publishes: ['salween', 'godavari'] },
  { name: 'tripoli', subscribes: ['columbia', 'godavari'], trigger: 'godavari', publishes: ['loire'] },
  {
    name: 'mandalay',
    subscribes: ['salween', 'danube', 'godavari', 'yamuna', 'loire', 'chenab'],
    trigger: 'loire',
    publishes: ['missouri', 'tagus', 'brazos'],
  },
  {
    name: 'ponce',
    subscribes: ['missouri', 'danube', 'volga', 'godavari', 'yamuna', 'loire', 'tagus', 'brazos', 'ohio'],
    trigger: 'tagus',
    publishes: ['mekong', 'congo'],
  },
  { name: 'barcelona', subscribes: ['mekong'], trigger: 'mekong', publishes: ['lena'] },
  { name: 'monaco', subscribes: ['congo'], trigger: 'congo', publishes: ['ohio'] },
  { name: 'georgetown', subscribes: ['lena', 'murray'], trigger: 'lena', publishes: ['volga'] },
  { name: 'rotterdam', subscribes: ['mekong'], trigger: 'mekong', publishes: ['murray'] },
  { name: 'geneva', subscribes: ['congo', 'danube', 'parana', 'tagus'], trigger: 'congo', publishes: ['arkansas'] },
  { name: 'arequipa', subscribes: ['arkansas'] },
];

const SOURCES = NODES.filter((n) => !n.subscribes).map((n) => n.publishes![0]!);
const payloads = Object.fromEntries(Object.entries(TOPICS).map(([t, bytes]) => [t, { data: new Uint8Array(bytes) }]));
type Msg = { data: Uint8Array };

let arrivedAt = 0n;
let sink = 0;

/** Builds the graph on the bus; returns a function publishing one round of every source. */
function busSystem(): (input: string) => void {
  const bus = new MessageBus();
  const outputs = new Map<string, Topic<Msg>>();
  for (const spec of NODES) {
    const node = bus.forNode({ name: spec.name, namespace: '/mont_blanc' });
    const pubs = (spec.publishes ?? []).map((t) => node.topic<Msg>(t, 'omnimind_msgs/msg/Blob'));
    pubs.forEach((p, i) => outputs.set(spec.publishes![i]!, p));
    for (const input of spec.subscribes ?? []) {
      const topic = node.topic<Msg>(input, 'omnimind_msgs/msg/Blob');
      if (spec.name === 'arequipa') {
        topic.subscribe(() => void (arrivedAt = process.hrtime.bigint()));
      } else if (input === spec.trigger) {
        topic.subscribe(() => {
          for (let i = 0; i < pubs.length; i++) pubs[i]!.publish(payloads[spec.publishes![i]!]!);
        });
      } else {
        topic.subscribe((e) => void (sink += e.message.data.length));
      }
    }
  }
  const drive = (input: string): void => outputs.get(input)!.publish(payloads[input]!);
  // Publishers appear on their first publish: run one round, then check the shape.
  for (const source of SOURCES) drive(source);
  const topics = bus.graph.topics();
  const pubCount = topics.reduce((n, t) => n + t.publishers.length, 0);
  const subCount = topics.reduce((n, t) => n + t.subscriptions.length, 0);
  if (bus.graph.nodes().length !== 20 || pubCount !== 23 || subCount !== 35) {
    throw new Error(
      `unexpected topology: ${bus.graph.nodes().length} nodes, ${pubCount} publishers, ${subCount} subscriptions`,
    );
  }
  return drive;
}

/** The same graph on raw RxJS Subjects (the baseline). */
function subjectSystem(): (input: string) => void {
  const subjects = new Map(Object.keys(TOPICS).map((t) => [t, new Subject<Msg>()]));
  for (const spec of NODES) {
    for (const input of spec.subscribes ?? []) {
      const subject = subjects.get(input)!;
      if (spec.name === 'arequipa') {
        subject.subscribe(() => (arrivedAt = process.hrtime.bigint()));
      } else if (input === spec.trigger) {
        const outs = spec.publishes!.map((t) => [subjects.get(t)!, payloads[t]!] as const);
        subject.subscribe(() => {
          for (const [s, p] of outs) s.next(p);
        });
      } else {
        subject.subscribe((m) => (sink += m.data.length));
      }
    }
  }
  return (input) => subjects.get(input)!.next(payloads[input]!);
}

const ROUNDS = 20_000;

function endToEnd(drive: (input: string) => void): { p50: number; p99: number; p999: number; meanRoundNs: number } {
  const samples: number[] = [];
  const roundStart = process.hrtime.bigint();
  for (let round = 0; round < ROUNDS + 2_000; round++) {
    for (const source of SOURCES) if (source !== 'amazon') drive(source);
    const start = process.hrtime.bigint();
    drive('amazon');
    if (round >= 2_000) samples.push(Number(arrivedAt - start));
  }
  const meanRoundNs = Number(process.hrtime.bigint() - roundStart) / (ROUNDS + 2_000);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), p999: percentile(samples, 99.9), meanRoundNs };
}

const busDrive = busSystem();
const subjectDrive = subjectSystem();
// A first pass warms both systems up; the second is the one reported.
endToEnd(busDrive);
endToEnd(subjectDrive);
const busLatency = endToEnd(busDrive);
const subjectLatency = endToEnd(subjectDrive);

writeResult('mont-blanc', {
  unit: 'ns, cordoba publish -> arequipa receive (8 hops); meanRoundNs = all 7 sources and their cascades',
  topology: { nodes: NODES.length, publishers: 23, subscriptions: 35, largestMessageBytes: 250_000 },
  rounds: ROUNDS,
  bus: busLatency,
  rawSubjects: subjectLatency,
  ratios: {
    p50VsSubjects: round3(busLatency.p50 / subjectLatency.p50),
    p99VsSubjects: round3(busLatency.p99 / subjectLatency.p99),
  },
  goal: { p50UnderNs: 50_000, met: busLatency.p50 < 50_000 },
});

describe('Mont Blanc, one round of all sources', () => {
  const round = (drive: (input: string) => void) => () => {
    for (const source of SOURCES) drive(source);
  };
  bench('bus', round(busDrive), { time: 500 });
  bench('raw Subjects', round(subjectDrive), { time: 500 });
});

if (sink < 0) console.log(sink);
