import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { ManualClock, createInProcessHost, type ParamValueSource, type sensor_msgs } from '@omnimind/core';
import { blobsToDetections, detectColorBlobs, rgbImageFromMessage } from '@omnimind/plugin-vision';
import { compareNsPerOp, round3, writeResult } from './bench-helpers.js';

/**
 * The color_blob_detector node (frame published on the bus, detections received from the bus)
 * against calling detectColorBlobs and blobsToDetections directly on the same 160×120 rgb8 frame,
 * the simulator camera's size, in the same run: the ratio is what running it as a node costs.
 */

const here = dirname(fileURLToPath(import.meta.url));
const WIDTH = 160;
const HEIGHT = 120;
const COLORS = ['red', 'yellow', 'blue'];

/** Grey background, a red rectangle on the left, a yellow square in the middle. */
function frame(): sensor_msgs.Image {
  const data = new Uint8Array(WIDTH * HEIGHT * 3).fill(128);
  const paint = (x0: number, y0: number, w: number, h: number, rgb: readonly number[]): void => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data.set(rgb, (y * WIDTH + x) * 3);
  };
  paint(10, 30, 40, 50, [200, 30, 30]);
  paint(74, 54, 12, 12, [230, 210, 40]);
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera' },
    width: WIDTH,
    height: HEIGHT,
    encoding: 'rgb8',
    is_bigendian: 0,
    step: WIDTH * 3,
    data,
  };
}

const image = frame();
const { host, bus } = createInProcessHost({ clock: new ManualClock() });
const pkg = join(here, '..', '..', 'plugins', 'vision', 'src', 'nodes', 'color-blob-detector-plugin.ts');
await host.load([
  {
    pkg,
    plugin: 'color_blob_detector',
    name: 'blobs',
    namespace: '/',
    remaps: [],
    baseDir: here,
    paramLayers: [new Map([['colors', { kind: 'launch', value: COLORS } as ParamValueSource]])],
  },
]);
await host.startAll();
const probe = bus.forNode({ name: 'bench' });
const camera = probe.topic('/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' });
let received = 0;
probe.topic('/detections', 'vision_msgs/msg/Detection2DArray').subscribe((e) => {
  if (e.message.detections.length !== 2) throw new Error('the node should find the two blobs');
  received++;
});
let direct = 0;
const callDirectly = (): void => {
  const message = blobsToDetections(detectColorBlobs(rgbImageFromMessage(image), { colors: COLORS }), image.header);
  if (message.detections.length !== 2) throw new Error('detectColorBlobs should find the two blobs');
  direct++;
};

const ns = compareNsPerOp(
  {
    'direct call': (ops) => {
      for (let i = 0; i < ops; i++) callDirectly();
    },
    'color_blob_detector node': (ops) => {
      for (let i = 0; i < ops; i++) camera.publish(image);
    },
  },
  { ops: 50, rounds: 15, warmupRounds: 3 },
);
if (received === 0 || direct === 0) throw new Error('nothing was detected');

writeResult('color-blob-node', {
  unit: 'ms per 160x120 rgb8 frame, 3 colours (median of interleaved rounds)',
  msPerFrame: {
    direct: round3(ns['direct call']! / 1e6),
    node: round3(ns['color_blob_detector node']! / 1e6),
  },
  ratios: { nodeVsDirect: round3(ns['color_blob_detector node']! / ns['direct call']!) },
});

describe('colour blobs in a 160x120 frame', () => {
  bench('detectColorBlobs + blobsToDetections', callDirectly, { time: 300 });
  bench('color_blob_detector node via the bus', () => void camera.publish(image), { time: 300 });
});
