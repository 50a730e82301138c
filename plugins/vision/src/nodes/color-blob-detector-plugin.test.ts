import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SimClock,
  createInProcessHost,
  feedSimClock,
  timeToMs,
  type Bus,
  type InMemoryMetrics,
  type NodeRequest,
  type PluginHost,
  type SimClockFeed,
  type sensor_msgs,
  type vision_msgs,
} from '@omnimind/core';
import { testNode } from '../testing/test-node.js';

const here = dirname(fileURLToPath(import.meta.url));
/** A diffbot looking along +x at a red box on its left and a yellow ball straight ahead. */
const BLOB_ROOM = join(here, 'fixtures', 'blob-room.yaml');

function node(pkg: string, plugin: string, name: string, namespace: string, params: Record<string, unknown>) {
  return testNode(here, pkg, plugin, name, namespace, params);
}

const simulator = node('@omnimind/simulator', 'simulator', 'sim', '/', {
  world: BLOB_ROOM,
  real_time_factor: 0,
  noise: false,
});
function detector(params: Record<string, unknown> = {}): NodeRequest {
  return {
    ...node('./color-blob-detector-plugin.ts', 'color_blob_detector', 'blobs', '/robot1', params),
    remaps: [{ from: 'image_raw', to: 'camera/image_raw' }],
  };
}

const classesOf = (message: vision_msgs.Detection2DArray): string[] =>
  message.detections.map((d) => d.results[0]!.hypothesis.class_id).sort();

describe('the color_blob_detector plugin', () => {
  let clock: SimClock;
  let host: PluginHost;
  let probe: Bus;
  let metrics: InMemoryMetrics;
  let feed: SimClockFeed;
  let dispose: () => Promise<void>;
  let detections: vision_msgs.Detection2DArray[];
  let frames: sensor_msgs.Image[];

  beforeEach(() => {
    clock = new SimClock();
    const created = createInProcessHost({ clock });
    ({ host, metrics } = created);
    feed = feedSimClock(created.bus.forNode({ name: 'test_clock' }), clock);
    dispose = async () => {
      feed.stop();
      await created.dispose();
    };
    probe = created.bus.forNode({ name: 'probe' });
    detections = [];
    frames = [];
    probe
      .topic('/robot1/detections', 'vision_msgs/msg/Detection2DArray')
      .subscribe((e) => void detections.push(e.message));
    probe
      .topic('/robot1/camera/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' })
      .subscribe((e) => void frames.push(e.message));
  });
  afterEach(() => dispose());

  it("detects the red box left and the yellow ball ahead in the simulator's camera, with each frame's header", async () => {
    await host.load([simulator, detector({ colors: ['red', 'yellow', 'blue'], min_area: 20 })]);
    await host.startAll();
    await clock.sleep(1000);
    expect(detections.length).toBeGreaterThanOrEqual(5);
    expect(detections.map((d) => d.header)).toEqual(frames.slice(0, detections.length).map((f) => f.header));
    expect(detections[0]!.header.frame_id).toBe('robot1/camera_link');
    const last = detections.at(-1)!;
    expect(classesOf(last)).toEqual(['red', 'yellow']);
    const byClass = new Map(last.detections.map((d) => [d.results[0]!.hypothesis.class_id, d]));
    const width = frames[0]!.width;
    // The box is 0.15–0.55 m left of the optical axis: all of it in the left half of the image.
    expect(byClass.get('red')!.bbox.center.position.x).toBeLessThan(width / 2 - 10);
    expect(Math.abs(byClass.get('yellow')!.bbox.center.position.x - width / 2)).toBeLessThan(4);
    expect(byClass.get('red')!.bbox.size_x * byClass.get('red')!.bbox.size_y).toBeGreaterThan(
      byClass.get('yellow')!.bbox.size_x * byClass.get('yellow')!.bbox.size_y,
    );
  });

  it('logs, counts and skips a bad frame and keeps detecting', async () => {
    await host.load([simulator, detector({ colors: ['yellow'] })]);
    await host.startAll();
    await clock.sleep(300);
    const before = detections.length;
    expect(before).toBeGreaterThan(0);
    const camera = probe.topic('/robot1/camera/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' });
    const header = { stamp: clock.now(), frame_id: 'robot1/camera_link' };
    camera.publish({
      header,
      height: 2,
      width: 2,
      encoding: 'mono8',
      is_bigendian: 0,
      step: 2,
      data: new Uint8Array(4),
    });
    camera.publish({
      header,
      height: 120,
      width: 160,
      encoding: 'rgb8',
      is_bigendian: 0,
      step: 480,
      data: new Uint8Array(100),
    });
    expect(detections).toHaveLength(before);
    const skipped = metrics
      .samples()
      .filter((s) => s.name === 'omnimind_color_blob_frames_skipped_total')
      .reduce((sum, s) => sum + s.value, 0);
    expect(skipped).toBe(2);
    expect(host.get('/robot1/blobs').state).toBe('active');
    await clock.sleep(300);
    expect(detections.length).toBeGreaterThan(before + 1);
    const last = detections.at(-1)!;
    expect(timeToMs(last.header.stamp)).toBeGreaterThan(timeToMs(header.stamp));
    expect(classesOf(last)).toEqual(['yellow']);
  });

  it('stops the launch on an unknown colour name, naming the node and the known colours', async () => {
    await expect(host.load([detector({ colors: ['red', 'octarine'] })])).rejects.toMatchObject({
      code: 'OMNI_ERR_VISION_UNKNOWN_COLOR',
      message: expect.stringMatching(/node '\/robot1\/blobs': parameter 'colors': .*'octarine'.*expected one of .*red/),
    });
  });
});
