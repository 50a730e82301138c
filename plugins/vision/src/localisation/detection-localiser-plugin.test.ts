import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SimClock,
  createInProcessHost,
  feedSimClock,
  type Bus,
  type InMemoryMetrics,
  type NodeRequest,
  type PluginHost,
  type SimClockFeed,
  type omnimind_msgs,
  type vision_msgs,
} from '@omnimind/core';
import { testNode } from '../testing/test-node.js';

const here = dirname(fileURLToPath(import.meta.url));
/** A diffbot at (0.2, -0.1) turned 0.2 rad left, a yellow ball ahead-left and a blue ball ahead-right. */
const LOCALISE_ROOM = join(here, 'fixtures', 'localise-room.yaml');

function node(pkg: string, plugin: string, name: string, namespace: string, params: Record<string, unknown>) {
  return testNode(here, pkg, plugin, name, namespace, params);
}

const simulator = node('@omnimind/simulator', 'simulator', 'sim', '/', {
  world: LOCALISE_ROOM,
  real_time_factor: 0,
  noise: false,
});
const detector: NodeRequest = {
  ...node('../nodes/color-blob-detector-plugin.ts', 'color_blob_detector', 'blobs', '/robot1', {
    colors: ['yellow', 'blue'],
    min_area: 20,
  }),
  remaps: [{ from: 'image_raw', to: 'camera/image_raw' }],
};
function localiser(params: Record<string, unknown> = {}): NodeRequest {
  return {
    ...node('./detection-localiser-plugin.ts', 'detection_localiser', 'localiser', '/robot1', params),
    remaps: [{ from: 'camera_info', to: 'camera/camera_info' }],
  };
}

const skippedFor = (metrics: InMemoryMetrics, reason: string): number =>
  metrics
    .samples()
    .filter((s) => s.name === 'omnimind_localiser_detections_skipped_total' && s.labels.reason === reason)
    .reduce((sum, s) => sum + s.value, 0);

describe('the detection_localiser plugin', () => {
  let clock: SimClock;
  let host: PluginHost;
  let probe: Bus;
  let metrics: InMemoryMetrics;
  let feed: SimClockFeed;
  let dispose: () => Promise<void>;
  let localised: vision_msgs.Detection3DArray[];
  let objects: omnimind_msgs.ObjectState[];

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
    localised = [];
    objects = [];
    probe
      .topic('/robot1/detections/map', 'vision_msgs/msg/Detection3DArray')
      .subscribe((e) => void localised.push(e.message));
    probe
      .topic('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray')
      .subscribe((e) => void (objects = e.message.objects));
  });
  afterEach(() => dispose());

  it('places the yellow and blue balls the camera sees within 0.15 m of where the simulator has them', async () => {
    await host.load([simulator, detector, localiser()]);
    await host.startAll();
    await clock.sleep(1000);
    expect(localised.length).toBeGreaterThanOrEqual(5);
    const last = localised.at(-1)!;
    expect(last.header.frame_id).toBe('map');
    expect(last.detections.map((d) => d.results[0]!.hypothesis.class_id).sort()).toEqual(['blue', 'yellow']);
    for (const detection of last.detections) {
      const color = detection.results[0]!.hypothesis.class_id;
      const truth = objects.find((o) => o.color === color)!.pose;
      const { position } = detection.bbox.center;
      expect(Math.hypot(position.x - truth.x, position.y - truth.y)).toBeLessThan(0.15);
      expect(position.z).toBe(0);
      expect(detection.results[0]!.pose.pose.position).toEqual(position);
      // Both balls are 0.16 m across.
      expect(detection.bbox.size.x).toBeGreaterThan(0.08);
      expect(detection.bbox.size.x).toBeLessThan(0.3);
    }
    expect(skippedFor(metrics, 'no_range')).toBe(0);
  });

  it('skips and counts detections it cannot place: before any scan, and with a scan that has no return', async () => {
    await host.load([
      simulator,
      detector,
      {
        ...localiser(),
        remaps: [
          { from: 'camera_info', to: 'camera/camera_info' },
          { from: 'scan', to: 'empty_scan' },
        ],
      },
    ]);
    await host.startAll();
    await clock.sleep(300);
    expect(skippedFor(metrics, 'no_scan')).toBeGreaterThanOrEqual(2);
    expect(localised).toHaveLength(0);
    // REP-117: +Infinity is no return within range, so nothing can be placed.
    probe.topic('/robot1/empty_scan', 'sensor_msgs/msg/LaserScan', { qos: 'sensor_data' }).publish({
      header: { stamp: clock.now(), frame_id: 'robot1/base_scan' },
      angle_min: 0,
      angle_max: (359 * Math.PI) / 180,
      angle_increment: Math.PI / 180,
      time_increment: 0,
      scan_time: 0.1,
      range_min: 0.12,
      range_max: 3.5,
      ranges: new Float32Array(360).fill(Infinity),
      intensities: new Float32Array(0),
    });
    await clock.sleep(300);
    expect(localised.length).toBeGreaterThan(0);
    expect(localised.every((m) => m.detections.length === 0)).toBe(true);
    expect(skippedFor(metrics, 'no_range')).toBe(2 * localised.length);
  });

  it('ignores and counts an uncalibrated camera info and keeps placing detections', async () => {
    await host.load([simulator, detector, localiser()]);
    await host.startAll();
    await clock.sleep(300);
    const info = probe.topic('/robot1/camera/camera_info', 'sensor_msgs/msg/CameraInfo', { qos: 'sensor_data' });
    info.publish({
      header: { stamp: clock.now(), frame_id: 'robot1/camera_link' },
      height: 120,
      width: 160,
      distortion_model: '',
      d: new Float64Array(0),
      k: new Float64Array(9),
      r: new Float64Array(9),
      p: new Float64Array(12),
      binning_x: 0,
      binning_y: 0,
      roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
    });
    const bad = metrics.samples().filter((s) => s.name === 'omnimind_localiser_bad_inputs_total');
    expect(bad.reduce((sum, s) => sum + s.value, 0)).toBe(1);
    expect(host.get('/robot1/localiser').state).toBe('active');
    const before = localised.length;
    await clock.sleep(300);
    expect(localised.length).toBeGreaterThan(before);
    expect(localised.at(-1)!.detections).toHaveLength(2);
  });
});
