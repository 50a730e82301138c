import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameDescription } from './robot-description.js';
import { RobotErrorCode } from './robot-errors.js';
import { framePoseInBase, quaternionToRpy, rpyToQuaternion } from './frame-pose.js';

const frame = (
  name: string,
  parent: string,
  xyz: [number, number, number],
  rpy: [number, number, number] = [0, 0, 0],
): FrameDescription => ({
  name,
  parent,
  xyz,
  rpy,
});

describe('frame poses', () => {
  const frames = [
    frame('base_link', '', [0, 0, 0]),
    frame('turret', 'base_link', [1, 0, 0.5], [0, 0, Math.PI / 2]),
    frame('sensor', 'turret', [0.2, 0, 0.1]),
  ];

  it('is the identity for base_link', () => {
    expect(framePoseInBase(frames, 'base_link')).toEqual({
      xyz: [0, 0, 0],
      rpy: [0, 0, 0],
      quaternion: { x: 0, y: 0, z: 0, w: 1 },
    });
  });

  it('composes translations through rotated parents', () => {
    const pose = framePoseInBase(frames, 'sensor');
    // The turret is turned 90° left, so the sensor's 0.2 m forward offset points along base_link's +y.
    expect(pose.xyz[0]).toBeCloseTo(1, 12);
    expect(pose.xyz[1]).toBeCloseTo(0.2, 12);
    expect(pose.xyz[2]).toBeCloseTo(0.6, 12);
    expect(pose.rpy[2]).toBeCloseTo(Math.PI / 2, 12);
  });

  it('applies roll, then pitch, then yaw about the parent axes (URDF convention)', () => {
    const tilted = [
      frame('base_link', '', [0, 0, 0]),
      frame('a', 'base_link', [0, 0, 0], [Math.PI / 2, 0, Math.PI / 2]),
      frame('b', 'a', [0, 0, 1]),
    ];
    // Roll +90° sends z to -y, then yaw +90° sends -y to +x.
    const pose = framePoseInBase(tilted, 'b');
    expect(pose.xyz[0]).toBeCloseTo(1, 12);
    expect(pose.xyz[1]).toBeCloseTo(0, 12);
    expect(pose.xyz[2]).toBeCloseTo(0, 12);
  });

  it('raises OMNI_ERR_ROBOT_UNKNOWN_FRAME for a frame not in the list', () => {
    expect(() => framePoseInBase(frames, 'laser')).toThrow(
      expect.objectContaining({ code: RobotErrorCode.UnknownFrame }),
    );
  });

  it('turns rpy into a unit quaternion and back (property)', () => {
    const angle = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
    fc.assert(
      fc.property(angle(Math.PI - 1e-3), angle(Math.PI / 2 - 1e-3), angle(Math.PI - 1e-3), (r, p, y) => {
        const q = rpyToQuaternion([r, p, y]);
        expect(Math.hypot(q.x, q.y, q.z, q.w)).toBeCloseTo(1, 12);
        const back = quaternionToRpy(q);
        expect(back[0]).toBeCloseTo(r, 6);
        expect(back[1]).toBeCloseTo(p, 6);
        expect(back[2]).toBeCloseTo(y, 6);
      }),
    );
  });
});
