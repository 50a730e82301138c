import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SimClock,
  createInProcessHost,
  type Bus,
  type InMemoryMetrics,
  type NodeRequest,
  type ParamValueSource,
  type PluginHost,
  type Topic,
  type sensor_msgs,
  type std_msgs,
  type vision_msgs,
} from '@omnimind/core';
import { constantOutputModel } from '../detection/testing/onnx-constant-model.js';
import { v8Tensor } from '../detection/testing/golden-yolo-tensors.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Two overlapping `person` boxes (one must be suppressed) and a `crate` box, in the pixels of a
 * 64×64 model input. A 128×96 frame is scaled by 0.5 and padded 8 rows above and below into it.
 */
const GOLDEN = v8Tensor(
  [
    { cx: 20, cy: 32, w: 16, h: 16, scores: { 1: 0.9 } },
    { cx: 21, cy: 32, w: 16, h: 16, scores: { 1: 0.8 } },
    { cx: 48, cy: 32, w: 8, h: 24, scores: { 0: 0.7, 1: 0.1 } },
  ],
  2,
  16,
);

function yoloModel(output: { data: Float32Array; dims: readonly number[] } = GOLDEN): Uint8Array {
  return constantOutputModel({ inputName: 'images', inputDims: [1, 3, 64, 64], outputName: 'output0', output });
}

/** A 128×96 rgb8 camera frame rendered from an SVG scene. */
async function renderFrame(stampSec: number): Promise<sensor_msgs.Image> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="96">
    <rect width="128" height="96" fill="#6a8"/><rect x="24" y="32" width="32" height="32" fill="#c33"/>
    <rect x="88" y="24" width="16" height="48" fill="#a70"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    header: { stamp: { sec: stampSec, nanosec: 0 }, frame_id: 'camera_link' },
    height: info.height,
    width: info.width,
    encoding: 'rgb8',
    is_bigendian: 0,
    step: info.width * 3,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

const summary = (message: vision_msgs.Detection2DArray) =>
  message.detections.map((d) => ({
    class: d.results[0]!.hypothesis.class_id,
    score: Number(d.results[0]!.hypothesis.score.toFixed(3)),
    center: d.bbox.center.position,
    size: [d.bbox.size_x, d.bbox.size_y],
  }));

describe('the yolo_detector plugin', () => {
  let dir: string;
  let host: PluginHost;
  let probe: Bus;
  let metrics: InMemoryMetrics;
  let dispose: () => Promise<void>;
  let camera: Topic<sensor_msgs.Image>;
  let detections: vision_msgs.Detection2DArray[];
  let times: std_msgs.Float64[];
  let waiters: { count: number; resolve: () => void }[];

  function detector(params: Record<string, unknown>): NodeRequest {
    return {
      pkg: join(here, 'yolo-detector-plugin.ts'),
      plugin: 'yolo_detector',
      name: 'detector',
      namespace: '/robot1',
      remaps: [{ from: 'image_raw', to: 'camera/image_raw' }],
      baseDir: dir,
      paramLayers: [
        new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
      ],
    };
  }

  /** Resolves once `count` detection messages have arrived in total. */
  function detectionsReach(count: number): Promise<void> {
    if (detections.length >= count) return Promise.resolve();
    return new Promise((resolve) => waiters.push({ count, resolve }));
  }

  function sampleSum(name: string, labels: Record<string, string> = {}): number {
    return metrics
      .samples()
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yolo-detector-'));
    writeFileSync(join(dir, 'yolo.onnx'), yoloModel());
    writeFileSync(join(dir, 'classes.txt'), '# model order\ncrate\nperson\n');
    const created = createInProcessHost({ clock: new SimClock() });
    ({ host, metrics } = created);
    dispose = async () => {
      await created.dispose();
      rmSync(dir, { recursive: true, force: true });
    };
    probe = created.bus.forNode({ name: 'probe' });
    detections = [];
    times = [];
    waiters = [];
    camera = probe.topic('/robot1/camera/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' });
    probe.topic('/robot1/detections', 'vision_msgs/msg/Detection2DArray').subscribe((e) => {
      detections.push(e.message);
      for (const waiter of waiters.filter((w) => detections.length >= w.count)) waiter.resolve();
    });
    probe.topic('/robot1/inference_time', 'std_msgs/msg/Float64').subscribe((e) => void times.push(e.message));
  });
  afterEach(() => dispose());

  it('publishes the model boxes mapped back onto the frame, with its header and the inference time', async () => {
    await host.load([detector({ model: 'yolo.onnx', classes_file: 'classes.txt' })]);
    await host.startAll();
    const frame = await renderFrame(7);
    camera.publish(frame);
    await detectionsReach(1);
    expect(detections[0]!.header).toBe(frame.header);
    expect(summary(detections[0]!)).toEqual([
      { class: 'person', score: 0.9, center: { x: 40, y: 48 }, size: [32, 32] },
      { class: 'crate', score: 0.7, center: { x: 96, y: 48 }, size: [16, 48] },
    ]);
    expect(times).toHaveLength(1);
    expect(times[0]!.data).toBeGreaterThan(0);
    expect(sampleSum('omnimind_yolo_detector_frames_total')).toBe(1);
  });

  it('logs, counts and skips a corrupt frame and keeps detecting', async () => {
    await host.load([detector({ model: join(dir, 'yolo.onnx'), classes: ['crate', 'person'] })]);
    await host.startAll();
    const good = await renderFrame(1);
    camera.publish({ ...good, data: good.data.subarray(0, 100) });
    camera.publish({ ...good, encoding: '16UC1' });
    const next = await renderFrame(2);
    camera.publish(next);
    await detectionsReach(1);
    expect(detections).toHaveLength(1);
    expect(detections[0]!.header.stamp).toEqual({ sec: 2, nanosec: 0 });
    expect(detections[0]!.detections.map((d) => d.results[0]!.hypothesis.class_id)).toEqual(['person', 'crate']);
    expect(sampleSum('omnimind_yolo_detector_frames_skipped_total', { reason: 'bad_frame' })).toBe(2);
    expect(host.get('/robot1/detector').state).toBe('active');
  });

  it('names classes by index when no class list is given', async () => {
    await host.load([detector({ model: 'yolo.onnx' })]);
    await host.startAll();
    camera.publish(await renderFrame(3));
    await detectionsReach(1);
    expect(summary(detections[0]!).map((d) => d.class)).toEqual(['1', '0']);
  });

  it('stops the launch when the model output has the wrong shape, naming the node and the dims', async () => {
    writeFileSync(join(dir, 'wrong.onnx'), yoloModel({ data: new Float32Array(5 * 9), dims: [1, 5, 9] }));
    await expect(host.load([detector({ model: 'wrong.onnx', classes: ['crate', 'person'] })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_MODEL_SHAPE',
      message: expect.stringMatching(/^node '\/robot1\/detector': parameter 'model': output 'output0': .*\[1, 5, 9\]/),
    });
  });

  it('stops the launch when the model file is missing, naming the resolved path', async () => {
    await expect(host.load([detector({ model: 'models/missing.onnx' })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_MODEL_NOT_FOUND',
      message: expect.stringContaining(JSON.stringify(join(dir, 'models', 'missing.onnx'))),
    });
  });

  it('stops the launch on a class list given twice or an input size the model contradicts', async () => {
    await expect(
      host.load([detector({ model: 'yolo.onnx', classes: ['a', 'b'], classes_file: 'classes.txt' })]),
    ).rejects.toMatchObject({ code: 'OMNI_ERR_VISION_CLASSES', message: expect.stringContaining("'classes_file'") });
    await expect(host.load([detector({ model: 'yolo.onnx', input_width: 320 })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_INPUT_SIZE',
      message: expect.stringMatching(/'input_width' is 320.*fixed at 64/),
    });
    await expect(host.load([detector({ model: 'yolo.onnx', classes: ['crate'] })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_MODEL_SHAPE',
    });
  });
});
