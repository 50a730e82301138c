import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PoseBuffer, interpolatePose, mountedPose, poseFromMessage } from './pose-buffer.js';
import { normalizeAngle } from '@omnimind/core';

const quaternion = (yaw: number) => ({ x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) });

describe('PoseBuffer', () => {
  it('interpolates between the poses around a stamp and turns the shorter way', () => {
    const buffer = new PoseBuffer();
    buffer.add(0, { x: 0, y: 0, theta: 3 });
    buffer.add(100, { x: 1, y: 2, theta: -3 });
    const pose = buffer.at(50)!;
    expect(pose.x).toBeCloseTo(0.5);
    expect(pose.y).toBeCloseTo(1);
    // From 3 to -3 rad the short way crosses π, not 0.
    expect(Math.abs(pose.theta)).toBeCloseTo(Math.PI, 5);
  });

  it('uses the nearest pose outside the held span only within the tolerance', () => {
    const buffer = new PoseBuffer(8, 100);
    expect(buffer.at(0)).toBeUndefined();
    buffer.add(1000, { x: 1, y: 0, theta: 0 });
    expect(buffer.at(1100)).toEqual({ x: 1, y: 0, theta: 0 });
    expect(buffer.at(1101)).toBeUndefined();
    expect(buffer.at(900)).toEqual({ x: 1, y: 0, theta: 0 });
    expect(buffer.at(899)).toBeUndefined();
  });

  it('keeps at most its capacity, drops late poses and replaces a pose with the same stamp', () => {
    const buffer = new PoseBuffer(3, 0);
    for (let t = 0; t < 5; t++) buffer.add(t * 10, { x: t, y: 0, theta: 0 });
    expect(buffer.size).toBe(3);
    expect(buffer.at(10)).toBeUndefined();
    buffer.add(15, { x: 99, y: 0, theta: 0 });
    expect(buffer.at(25)?.x).toBeCloseTo(2.5);
    buffer.add(40, { x: 7, y: 0, theta: 0 });
    expect(buffer.at(40)?.x).toBe(7);
    buffer.clear();
    expect(buffer.size).toBe(0);
  });

  it('returns each added pose at its own stamp and stays within the segment in between (property)', () => {
    const pose = fc.record({
      x: fc.double({ min: -100, max: 100, noNaN: true }),
      y: fc.double({ min: -100, max: 100, noNaN: true }),
      theta: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(pose, { minLength: 2, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (poses, f) => {
          const buffer = new PoseBuffer(64, 0);
          poses.forEach((p, i) => buffer.add(i * 10, p));
          poses.forEach((p, i) => {
            const got = buffer.at(i * 10)!;
            expect(got.x).toBeCloseTo(p.x, 9);
            expect(got.y).toBeCloseTo(p.y, 9);
            expect(Math.cos(got.theta - p.theta)).toBeCloseTo(1, 9);
          });
          const i = Math.min(poses.length - 2, Math.floor(f * (poses.length - 1)));
          const got = buffer.at(i * 10 + 5)!;
          const a = poses[i]!;
          const b = poses[i + 1]!;
          expect(got.x).toBeGreaterThanOrEqual(Math.min(a.x, b.x) - 1e-9);
          expect(got.x).toBeLessThanOrEqual(Math.max(a.x, b.x) + 1e-9);
          expect(got.theta).toBeGreaterThanOrEqual(-Math.PI);
          expect(got.theta).toBeLessThanOrEqual(Math.PI);
        },
      ),
    );
  });
});

describe('pose helpers', () => {
  it('places a sensor mounted behind the centre of a turned robot', () => {
    const sensor = mountedPose({ x: 1, y: 1, theta: Math.PI / 2 }, [-0.032, 0, 0.5]);
    expect(sensor.x).toBeCloseTo(1);
    expect(sensor.y).toBeCloseTo(1 - 0.032);
    expect(sensor.theta).toBeCloseTo(Math.PI / 2 + 0.5);
  });

  it('reads the yaw of a geometry_msgs/Pose and normalises angles', () => {
    for (const yaw of [-3, -1, 0, 0.7, 3.1]) {
      expect(poseFromMessage({ position: { x: 2, y: 3 }, orientation: quaternion(yaw) })).toEqual({
        x: 2,
        y: 3,
        theta: expect.closeTo(yaw, 9),
      });
    }
    expect(normalizeAngle(3 * Math.PI)).toBeCloseTo(Math.PI);
    expect(interpolatePose({ x: 0, y: 0, theta: 0 }, { x: 2, y: 0, theta: 1 }, 0.25)).toEqual({
      x: 0.5,
      y: 0,
      theta: 0.25,
    });
  });
});
