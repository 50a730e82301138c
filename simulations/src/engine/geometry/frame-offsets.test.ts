import { describe, expect, it } from 'vitest';
import { turtlebotLikeDescription } from '../testing/test-robots.js';
import { frameOffset } from './frame-offsets.js';

describe('frameOffset', () => {
  it('gives a mount relative to base_link through the parent chain, with yaw and pitch', () => {
    const d = turtlebotLikeDescription({
      frames: [
        { name: 'base_link', parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] },
        { name: 'mast', parent: 'base_link', xyz: [0.1, 0, 0.2], rpy: [0, 0, Math.PI / 2] },
        { name: 'cam', parent: 'mast', xyz: [0.05, 0, 0.1], rpy: [0, 0.2, 0] },
      ],
    });
    expect(frameOffset(d, 'base_link')).toEqual({ x: 0, y: 0, z: 0, yaw: 0, pitch: 0 });
    const cam = frameOffset(d, 'cam');
    expect(cam.x).toBeCloseTo(0.1, 12);
    expect(cam.y).toBeCloseTo(0.05, 12);
    expect(cam.z).toBeCloseTo(0.3, 12);
    expect(cam.yaw).toBeCloseTo(Math.PI / 2, 12);
    expect(cam.pitch).toBeCloseTo(0.2, 12);
  });

  it('rejects frames the robot does not have', () => {
    expect(() => frameOffset(turtlebotLikeDescription(), 'nowhere')).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_ROBOT_UNKNOWN_FRAME' }),
    );
  });
});
