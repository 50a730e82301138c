import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../random/seeded-random.js';
import { WheelOdometry } from './wheel-odometry.js';

const exact = { rateHz: 50, slip: 0, linearNoiseStd: 0, angularNoiseStd: 0 };

describe('WheelOdometry', () => {
  it('integrates the true motion exactly without a random source', () => {
    const odometry = new WheelOdometry({ ...exact, slip: 0.3, linearNoiseStd: 1 }, { x: 1, y: 2, theta: 0 }, undefined);
    for (let i = 0; i < 100; i++) odometry.update(0.002 * Math.PI, 0, 0.01 * Math.PI, 0.01);
    const { pose, twist } = odometry.reading();
    // Half a turn on a circle of radius 0.2: from (1, 2) heading +x to (1, 2.4) heading -x.
    expect(pose.x).toBeCloseTo(1, 9);
    expect(pose.y).toBeCloseTo(2.4, 9);
    expect(Math.abs(pose.theta)).toBeCloseTo(Math.PI, 9);
    expect(twist.linear).toBeCloseTo(0.2 * Math.PI, 12);
  });

  it('overestimates the motion by the slipped fraction', () => {
    const odometry = new WheelOdometry({ ...exact, slip: 0.2 }, { x: 0, y: 0, theta: 0 }, new RandomStreams(1).next());
    for (let i = 0; i < 100; i++) odometry.update(0.001, 0, 0, 0.01);
    expect(odometry.reading().pose.x).toBeCloseTo(0.1 / 0.8, 9);
  });

  it('follows sideways motion', () => {
    const odometry = new WheelOdometry(exact, { x: 0, y: 0, theta: Math.PI / 2 }, undefined);
    odometry.update(0, 0.01, 0, 0.01);
    expect(odometry.reading().pose.x).toBeCloseTo(-0.01, 12);
    expect(odometry.reading().pose.y).toBeCloseTo(0, 12);
  });

  it('adds velocity noise only while the wheels turn', () => {
    const noisy = { ...exact, linearNoiseStd: 0.05, angularNoiseStd: 0.05 };
    const odometry = new WheelOdometry(noisy, { x: 0, y: 0, theta: 0 }, new RandomStreams(1).next());
    for (let i = 0; i < 100; i++) odometry.update(0, 0, 0, 0.01);
    expect(odometry.reading().pose).toEqual({ x: 0, y: 0, theta: 0 });
    for (let i = 0; i < 100; i++) odometry.update(0.001, 0, 0, 0.01);
    const { pose } = odometry.reading();
    expect(pose.x).not.toBeCloseTo(0.1, 6);
    expect(pose.x).toBeCloseTo(0.1, 1);
    expect(pose.theta).not.toBe(0);
  });
});
