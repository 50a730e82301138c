import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  timeToMs,
  type Bus,
  type InMemoryMetrics,
  type NodeRequest,
  type ParamValueSource,
  type PluginHost,
  type sensor_msgs,
} from '@omnimind/core';
import { decodeImage } from '../preprocess/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'omnimind-image-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RED = [220, 30, 30] as const;
const GREEN = [30, 200, 40] as const;
const BLUE = [20, 40, 210] as const;

/** A 16×12 PNG of one colour, written by sharp. */
async function png(color: readonly [number, number, number]): Promise<Buffer> {
  const [r, g, b] = color;
  return sharp({ create: { width: 16, height: 12, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();
}

/** A folder under the temp root with the given files. */
async function folder(name: string, files: Record<string, Buffer | string>): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

function sourceNode(params: Record<string, unknown>): NodeRequest {
  return {
    pkg: './image-folder-source-plugin.ts',
    plugin: 'image_folder_source',
    name: 'camera',
    namespace: '/cam',
    remaps: [],
    baseDir: here,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}

/** The RGB of the first pixel of a frame. */
const firstPixel = (frame: sensor_msgs.Image): number[] => [...frame.data.subarray(0, 3)];

function skipped(metrics: InMemoryMetrics, reason: string): number {
  return metrics
    .samples()
    .filter((s) => s.name === 'omnimind_image_folder_frames_skipped_total' && s.labels['reason'] === reason)
    .reduce((sum, s) => sum + s.value, 0);
}

describe('the image_folder_source plugin', () => {
  let clock: ManualClock;
  let host: PluginHost;
  let probe: Bus;
  let metrics: InMemoryMetrics;
  let dispose: () => Promise<void>;
  let frames: sensor_msgs.Image[];

  beforeEach(() => {
    clock = new ManualClock();
    const created = createInProcessHost({ clock });
    ({ host, metrics, dispose } = created);
    probe = created.bus.forNode({ name: 'probe' });
    frames = [];
    probe
      .topic('/cam/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' })
      .subscribe((e) => void frames.push(e.message));
  });
  afterEach(() => dispose());

  async function start(params: Record<string, unknown>): Promise<void> {
    await host.load([sourceNode(params)]);
    await host.startAll();
  }

  /** Advances the clock by one period and waits (in real time) for frame number `count`. */
  async function tick(periodMs: number, count: number): Promise<void> {
    clock.advanceBy(periodMs);
    await vi.waitFor(() => expect(frames).toHaveLength(count));
  }

  /** Lets pending file reads and decodes settle without moving the clock. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 20; i++) await new Promise((done) => setImmediate(done));
  }

  it('publishes the images sorted by name at rate_hz, stamped by the node clock, and loops', async () => {
    const dir = await folder('sorted', {
      '0002.png': await png(GREEN),
      '0001.png': await png(RED),
      '0003.png': await png(BLUE),
      'notes.txt': 'not an image',
    });
    await start({ folder: dir, rate_hz: 10, frame_id: 'cam_link' });
    for (let i = 1; i <= 5; i++) await tick(100, i);
    expect(frames.map(firstPixel)).toEqual([RED, GREEN, BLUE, RED, GREEN].map((c) => [...c]));
    expect(frames.map((f) => timeToMs(f.header.stamp))).toEqual([100, 200, 300, 400, 500]);
    expect(frames[0]).toMatchObject({ width: 16, height: 12, encoding: 'rgb8', step: 48 });
    expect(frames[0]!.header.frame_id).toBe('cam_link');
  });

  it('publishes nothing before the first period has passed', async () => {
    const dir = await folder('early', { 'a.png': await png(RED) });
    await start({ folder: dir, rate_hz: 4 });
    clock.advanceBy(249);
    await settle();
    expect(frames).toHaveLength(0);
    await tick(1, 1);
    expect(timeToMs(frames[0]!.header.stamp)).toBe(250);
  });

  it('stops after the last image when loop is false', async () => {
    const dir = await folder('once', { 'a.png': await png(RED), 'b.png': await png(GREEN) });
    await start({ folder: dir, rate_hz: 10, loop: false });
    await tick(100, 1);
    await tick(100, 2);
    for (let i = 0; i < 5; i++) {
      clock.advanceBy(100);
      await settle();
    }
    expect(frames.map(firstPixel)).toEqual([[...RED], [...GREEN]]);
  });

  it('skips a corrupt file, counts it, and goes on at the same rate', async () => {
    const good = await png(GREEN);
    const dir = await folder('corrupt', {
      'a.png': await png(RED),
      'b.png': good.subarray(0, 40), // a PNG cut off after its first chunk
      'c.jpg': Buffer.from('not a jpeg at all'),
      'd.png': await png(BLUE),
    });
    await start({ folder: dir, rate_hz: 10 });
    await tick(100, 1);
    await tick(100, 2);
    await tick(100, 3);
    expect(frames.map(firstPixel)).toEqual([[...RED], [...BLUE], [...RED]]);
    expect(frames.map((f) => timeToMs(f.header.stamp))).toEqual([100, 200, 300]);
    expect(skipped(metrics, 'corrupt')).toBe(2);
    expect(host.get('/cam/camera').state).toBe('active');
  });

  it('also publishes JPEG CompressedImages on image_raw/compressed when compressed is set', async () => {
    const dir = await folder('compressed', { 'a.png': await png(RED) });
    const compressed: sensor_msgs.CompressedImage[] = [];
    probe
      .topic('/cam/image_raw/compressed', 'sensor_msgs/msg/CompressedImage', { qos: 'sensor_data' })
      .subscribe((e) => void compressed.push(e.message));
    await start({ folder: dir, rate_hz: 10, compressed: true, jpeg_quality: 90 });
    await tick(100, 1);
    await vi.waitFor(() => expect(compressed).toHaveLength(1));
    expect(compressed[0]!.format).toBe('jpeg');
    expect(compressed[0]!.header).toEqual(frames[0]!.header);
    const decoded = await decodeImage(compressed[0]!.data);
    expect([decoded.width, decoded.height]).toEqual([16, 12]);
    for (let c = 0; c < 3; c++) expect(Math.abs(decoded.data[c]! - RED[c]!)).toBeLessThan(8);
  });

  it('stops the launch when the folder is missing or holds no image, saying where and what was expected', async () => {
    const missing = join(root, 'no-such-folder');
    await expect(host.load([sourceNode({ folder: missing })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_FOLDER_NOT_FOUND',
      message: expect.stringMatching(
        /node '\/cam\/camera'.*no-such-folder.*expected a folder of \.png, \.jpg, \.jpeg, \.webp/,
      ),
    });
    const empty = await folder('empty', { 'readme.md': '# nothing' });
    await expect(host.load([sourceNode({ folder: empty })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_FOLDER_EMPTY',
      message: expect.stringMatching(/holds no image; expected at least one/),
    });
  });

  it('reads a relative folder from the launch file folder', async () => {
    await folder('relative', { 'a.png': await png(BLUE) });
    const node = { ...sourceNode({ folder: 'relative', rate_hz: 10 }), baseDir: root };
    await host.load([{ ...node, pkg: join(here, 'image-folder-source-plugin.ts') }]);
    await host.startAll();
    await tick(100, 1);
    expect(firstPixel(frames[0]!)).toEqual([...BLUE]);
  });
});
