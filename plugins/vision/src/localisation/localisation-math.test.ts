import { describe, expect, it } from 'vitest';
import type { sensor_msgs, vision_msgs } from '@omnimind/core';
import {
  LOCALISATION_CODES,
  bboxBearingWindow,
  columnBearing,
  intrinsicsFromCameraInfo,
  positionInMap,
  rangeInBearingWindow,
  wrapAngle,
  yawOfQuaternion,
} from './index.js';

const header = { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera_link' };

function cameraInfo(fx: number, cx: number): sensor_msgs.CameraInfo {
  return {
    header,
    height: 120,
    width: 160,
    distortion_model: 'plumb_bob',
    d: new Float64Array(5),
    k: Float64Array.of(fx, 0, cx, 0, fx, 60, 0, 0, 1),
    r: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1),
    p: Float64Array.of(fx, 0, cx, 0, 0, fx, 60, 0, 0, 0, 1, 0),
    binning_x: 0,
    binning_y: 0,
    roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
  };
}

/** A 360-ray scan (one ray per degree from 0) reading `background` except where `hits` says. */
function scan(background: number, hits: Record<number, number> = {}): sensor_msgs.LaserScan {
  const ranges = new Float32Array(360).fill(background);
  for (const [degree, range] of Object.entries(hits)) ranges[Number(degree)] = range;
  return {
    header: { ...header, frame_id: 'base_scan' },
    angle_min: 0,
    angle_max: (359 * Math.PI) / 180,
    angle_increment: Math.PI / 180,
    time_increment: 0,
    scan_time: 0.1,
    range_min: 0.12,
    range_max: 3.5,
    ranges,
    intensities: new Float32Array(0),
  };
}

const bbox = (u: number, width: number): vision_msgs.BoundingBox2D => ({
  center: { position: { x: u, y: 60 }, theta: 0 },
  size_x: width,
  size_y: 10,
});
const atOrigin = { x: 0, y: 0, yaw: 0 };

describe('camera bearings', () => {
  it('reads fx and cx from K and turns a column into atan2(cx - u, fx), positive to the left', () => {
    const intrinsics = intrinsicsFromCameraInfo(cameraInfo(100, 80));
    expect(intrinsics).toEqual({ fx: 100, cx: 80 });
    expect(columnBearing(80, intrinsics)).toBe(0);
    expect(columnBearing(-20, intrinsics)).toBeCloseTo(Math.PI / 4, 12);
    expect(columnBearing(180, intrinsics)).toBeCloseTo(-Math.PI / 4, 12);
  });

  it("gives a box's centre bearing and half its angular width", () => {
    const window = bboxBearingWindow(bbox(30, 100), { fx: 100, cx: 80 });
    expect(window.bearing).toBeCloseTo(Math.atan2(50, 100), 12);
    expect(window.halfWidth).toBeCloseTo((Math.atan2(100, 100) - Math.atan2(0, 100)) / 2, 12);
  });

  it('rejects an uncalibrated camera (k[0] = 0) and a non-finite cx, naming the frame', () => {
    expect(() => intrinsicsFromCameraInfo(cameraInfo(0, 80))).toThrow(
      expect.objectContaining({
        code: LOCALISATION_CODES.INVALID_CAMERA_INFO,
        message: expect.stringMatching(/camera info 'camera_link': expected K with fx > 0.*fx=0/),
      }),
    );
    expect(() => intrinsicsFromCameraInfo(cameraInfo(100, Number.NaN))).toThrow(
      expect.objectContaining({ code: LOCALISATION_CODES.INVALID_CAMERA_INFO }),
    );
  });
});

describe('lidar range in a bearing window', () => {
  it('takes the median of the valid rays inside the window and ignores ±Inf, NaN and out-of-range returns', () => {
    const readings = scan(3, { 8: 1.0, 9: 1.2, 10: 1.1, 11: Infinity, 12: Number.NaN, 13: -Infinity, 14: 0.05 });
    const window = { bearing: (11 * Math.PI) / 180, halfWidth: (3.5 * Math.PI) / 180 };
    const reading = rangeInBearingWindow(readings, window, { camera: atOrigin, lidar: atOrigin });
    expect(reading).toEqual({
      distanceFromCamera: expect.closeTo(1.1, 6),
      lidarRange: expect.closeTo(1.1, 6),
      rays: 3,
    });
  });

  it('finds rays behind the camera bearing of 0 on the wrapped side of a 0..359° scan', () => {
    const readings = scan(Infinity, { 359: 2, 0: 2, 1: 2 });
    const reading = rangeInBearingWindow(
      readings,
      { bearing: 0, halfWidth: 0.02 },
      { camera: atOrigin, lidar: atOrigin },
    );
    expect(reading?.rays).toBe(3);
    expect(reading?.lidarRange).toBeCloseTo(2, 6);
  });

  it('accounts for the parallax between a camera ahead of the lidar', () => {
    // The lidar sits 0.1 m behind the camera; a wall 1 m ahead of the lidar straight ahead.
    const readings = scan(Infinity, { 0: 1 });
    const mounts = { camera: { x: 0.07, y: 0, yaw: 0 }, lidar: { x: -0.03, y: 0, yaw: 0 } };
    const reading = rangeInBearingWindow(readings, { bearing: 0, halfWidth: 0.001 }, mounts);
    expect(reading).toEqual({ distanceFromCamera: expect.closeTo(0.9, 6), lidarRange: 1, rays: 1 });
    // A point 1 m from the lidar at 30° left is at a wider angle seen from the camera ahead of it.
    const side = scan(Infinity, { 30: 1 });
    const fromCamera = Math.atan2(Math.sin(Math.PI / 6), Math.cos(Math.PI / 6) - 0.1);
    expect(rangeInBearingWindow(side, { bearing: Math.PI / 6, halfWidth: 0.005 }, mounts)).toBeUndefined();
    expect(rangeInBearingWindow(side, { bearing: fromCamera, halfWidth: 0.005 }, mounts)?.rays).toBe(1);
  });

  it('returns undefined when no valid ray is in the window', () => {
    const readings = scan(Infinity, { 90: 1 });
    expect(rangeInBearingWindow(readings, { bearing: 0, halfWidth: 0.2 }, { camera: atOrigin, lidar: atOrigin })).toBe(
      undefined,
    );
  });

  it('rejects a scan with a zero angle increment', () => {
    const bad = { ...scan(1), angle_increment: 0 };
    expect(() =>
      rangeInBearingWindow(bad, { bearing: 0, halfWidth: 0.1 }, { camera: atOrigin, lidar: atOrigin }),
    ).toThrow(
      expect.objectContaining({
        code: LOCALISATION_CODES.INVALID_LASER_SCAN,
        message: expect.stringMatching(/laser scan 'base_scan': expected a finite, non-zero angle_increment/),
      }),
    );
  });
});

describe('positions in the map', () => {
  it("places a point seen by the camera through the robot's pose and the camera's mount", () => {
    const point = positionInMap({ x: 1, y: 2, theta: Math.PI / 2 }, { x: 0.07, y: 0, yaw: 0 }, 0, 1);
    expect(point.x).toBeCloseTo(1, 12);
    expect(point.y).toBeCloseTo(3.07, 12);
    const left = positionInMap({ x: 0, y: 0, theta: 0 }, { x: 0.1, y: 0.05, yaw: Math.PI / 2 }, -Math.PI / 2, 2);
    expect(left.x).toBeCloseTo(2.1, 12);
    expect(left.y).toBeCloseTo(0.05, 12);
  });

  it('reads the yaw of a quaternion and wraps angles into [-π, π)', () => {
    expect(yawOfQuaternion({ x: 0, y: 0, z: Math.sin(0.3), w: Math.cos(0.3) })).toBeCloseTo(0.6, 12);
    expect(wrapAngle((3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2, 12);
    expect(wrapAngle(-0.25)).toBe(-0.25);
  });
});
