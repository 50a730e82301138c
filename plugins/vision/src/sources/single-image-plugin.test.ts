import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  type PluginHost,
  type sensor_msgs,
} from '@omnimind/core';
import { testNode } from '../testing/test-node.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'omnimind-single-image-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A 20×10 PNG, left half red and right half blue, written by sharp from raw pixels. */
async function writeSplitPng(name: string): Promise<string> {
  const pixels = Buffer.alloc(20 * 10 * 3);
  for (let y = 0; y < 10; y++) {
    for (let x = 0; x < 20; x++) pixels.set(x < 10 ? [220, 20, 20] : [20, 20, 220], (y * 20 + x) * 3);
  }
  const path = join(root, name);
  await sharp(pixels, { raw: { width: 20, height: 10, channels: 3 } })
    .png()
    .toFile(path);
  return path;
}

describe('the single_image plugin', () => {
  let clock: ManualClock;
  let host: PluginHost;
  let probe: Bus;
  let dispose: () => Promise<void>;

  beforeEach(() => {
    clock = new ManualClock();
    const created = createInProcessHost({ clock });
    ({ host, dispose } = created);
    probe = created.bus.forNode({ name: 'probe' });
  });
  afterEach(() => dispose());

  const node = (params: Record<string, unknown>) =>
    testNode(here, './single-image-plugin.ts', 'single_image', 'camera', '/cam', params);

  function collect(): sensor_msgs.Image[] {
    const frames: sensor_msgs.Image[] = [];
    probe
      .topic('/cam/image_raw', 'sensor_msgs/msg/Image', { qos: 'latched' })
      .subscribe((e) => void frames.push(e.message));
    return frames;
  }

  it('publishes the image, stamped at the call, each time capture is called', async () => {
    const file = await writeSplitPng('split.png');
    await host.load([node({ file, frame_id: 'cam_link' })]);
    await host.startAll();
    const frames = collect();
    const capture = probe.serviceClient('/cam/capture', 'std_srvs/srv/Trigger');
    clock.advanceBy(1500);
    const answer = await capture.call({});
    expect(answer.success).toBe(true);
    expect(answer.message).toMatch(/20x10/);
    clock.advanceBy(500);
    await capture.call({});
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect(frames.map((f) => timeToMs(f.header.stamp))).toEqual([1500, 2000]);
    expect(frames[0]).toMatchObject({ width: 20, height: 10, encoding: 'rgb8', step: 60 });
    expect(frames[0]!.header.frame_id).toBe('cam_link');
    expect([...frames[0]!.data.subarray(0, 3)]).toEqual([220, 20, 20]);
    expect([...frames[0]!.data.subarray(19 * 3, 20 * 3)]).toEqual([20, 20, 220]);
  });

  it('publishes once at start with publish_on_start, latched for a late subscriber', async () => {
    const file = await writeSplitPng('start.png');
    clock.advanceBy(700);
    await host.load([node({ file, publish_on_start: true })]);
    await host.startAll();
    const frames = collect();
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    expect(timeToMs(frames[0]!.header.stamp)).toBe(700);
  });

  it('publishes nothing at start without publish_on_start', async () => {
    const file = await writeSplitPng('quiet.png');
    await host.load([node({ file })]);
    await host.startAll();
    const frames = collect();
    for (let i = 0; i < 10; i++) await new Promise((done) => setImmediate(done));
    expect(frames).toHaveLength(0);
  });

  it('stops the launch when the file is corrupt or missing, saying which file and what was expected', async () => {
    const good = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const corrupt = join(root, 'cut.png');
    writeFileSync(corrupt, good.subarray(0, 40));
    await expect(host.load([node({ file: corrupt })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_IMAGE_FILE_INVALID',
      message: expect.stringMatching(/node '\/cam\/camera'.*cut\.png.*does not decode.*expected a PNG, JPEG or WebP/),
    });
    await expect(host.load([node({ file: join(root, 'nope.png') })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_IMAGE_FILE_INVALID',
      message: expect.stringMatching(/nope\.png', which cannot be read/),
    });
  });
});
