import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  timeToMs,
  type Bus,
  type InMemoryMetrics,
  type PluginHost,
  type sensor_msgs,
} from '@omnimind/core';
import { testNode } from '../testing/test-node.js';
import { findExecutable } from './find-executable.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'omnimind-v4l2-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ffmpegOnPath = findExecutable('ffmpeg', process.env['PATH'] ?? '', here);
// CI installs ffmpeg and lists it in OMNIMIND_REQUIRE: there a missing ffmpeg fails instead of skipping.
const ffmpegRequired = (process.env['OMNIMIND_REQUIRE'] ?? '').split(',').includes('ffmpeg');
if (!ffmpegOnPath && ffmpegRequired) {
  throw new Error('OMNIMIND_REQUIRE lists ffmpeg, but ffmpeg is not on PATH (apt-get install ffmpeg)');
}
if (!ffmpegOnPath) {
  console.warn(
    "SKIPPED v4l2_camera end-to-end test with ffmpeg's lavfi test source: ffmpeg is not on PATH (apt-get install ffmpeg)",
  );
}

/**
 * An executable standing in for ffmpeg, for the exit-and-restart path: on its first run it writes
 * two 4×2 rgb24 frames (first pixel red, then green) and exits with status 1; on later runs it exits
 * at once with status 1 and a message on stderr.
 */
function exitingFfmpeg(): string {
  const dir = join(root, 'fake-bin');
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, 'ran-once');
  const path = join(dir, 'ffmpeg');
  const script = `#!${process.execPath}
const fs = require('node:fs');
if (fs.existsSync(${JSON.stringify(marker)})) { process.stderr.write('device busy\\n'); process.exit(1); }
fs.writeFileSync(${JSON.stringify(marker)}, '');
const frame = (r, g, b) => Buffer.from(Array.from({ length: 8 }, () => [r, g, b]).flat());
// Split across writes so frames cross chunk boundaries.
const bytes = Buffer.concat([frame(200, 10, 10), frame(10, 200, 10)]);
process.stdout.write(bytes.subarray(0, 5));
process.stdout.write(bytes.subarray(5), () => process.exit(1));
`;
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

describe('the v4l2_camera plugin', () => {
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

  const node = (params: Record<string, unknown>) =>
    testNode(here, './v4l2-camera-plugin.ts', 'v4l2_camera', 'camera', '/cam', params);

  const exits = (): number =>
    metrics
      .samples()
      .filter((s) => s.name === 'omnimind_v4l2_camera_ffmpeg_exits_total')
      .reduce((sum, s) => sum + s.value, 0);

  it('stops the launch when ffmpeg is not there, naming ffmpeg and how to install it', async () => {
    const empty = join(root, 'empty-bin');
    mkdirSync(empty, { recursive: true });
    await expect(host.load([node({ ffmpeg_path: join(empty, 'ffmpeg') })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_FFMPEG_NOT_FOUND',
      message: expect.stringMatching(/node '\/cam\/camera'.*'ffmpeg_path'.*empty-bin\/ffmpeg.*apt-get install ffmpeg/),
    });
  });

  it('stops the launch when the camera device does not exist, naming the device', async () => {
    await expect(
      host.load([node({ ffmpeg_path: exitingFfmpeg(), device: '/dev/video-omnimind-missing' })]),
    ).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_CAMERA_DEVICE_NOT_FOUND',
      message: expect.stringMatching(/camera device '\/dev\/video-omnimind-missing'.*does not exist/),
    });
  });

  it('publishes the frames ffmpeg writes, restarts it after an exit, and reports an error when restarts are spent', async () => {
    await host.load([
      node({
        ffmpeg_path: exitingFfmpeg(),
        input: '-f lavfi -i unused',
        width: 4,
        height: 2,
        frame_id: 'cam_link',
        max_restarts: 1,
        restart_delay_ms: 100,
      }),
    ]);
    clock.advanceBy(1000);
    await host.startAll();
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect(frames.map((f) => [...f.data.subarray(0, 3)])).toEqual([
      [200, 10, 10],
      [10, 200, 10],
    ]);
    expect(frames[0]).toMatchObject({ width: 4, height: 2, encoding: 'rgb8', step: 12 });
    expect(frames[0]!.header.frame_id).toBe('cam_link');
    expect(timeToMs(frames[0]!.header.stamp)).toBe(1000);
    // First exit: counted, and ffmpeg is started again once the restart delay has passed on the clock.
    await vi.waitFor(() => expect(exits()).toBe(1));
    clock.advanceBy(100);
    // The second run exits with no frame: over max_restarts, so the node reports the failure.
    await vi.waitFor(() => expect(exits()).toBe(2));
    const instance = host.get('/cam/camera');
    await vi.waitFor(() => expect(instance.lastError).toMatch(/exited 2 times in a row without a frame.*device busy/));
    expect(frames).toHaveLength(2);
  });

  it.skipIf(!ffmpegOnPath)("reads frames end to end from ffmpeg's lavfi test source", async () => {
    await host.load([
      node({ input: '-f lavfi -i testsrc=size=160x120:rate=10', width: 160, height: 120, rate_hz: 10 }),
    ]);
    await host.startAll();
    await vi.waitFor(() => expect(frames.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    expect(frames[0]).toMatchObject({ width: 160, height: 120, encoding: 'rgb8', step: 480 });
    expect(frames[0]!.data).toHaveLength(160 * 120 * 3);
    // testsrc is colourful: a frame is not one flat value.
    expect(new Set(frames[0]!.data).size).toBeGreaterThan(10);
  });
});
