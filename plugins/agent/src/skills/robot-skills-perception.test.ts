import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeAngle } from '@omnimind/core';
import { SimulatedObjectPerception } from '../perception/simulated-object-perception.js';
import { RobotSkills } from './robot-skills.js';
import { SkillCancelled, SkillFailed } from './skill-errors.js';
import type { SkillProgress } from './skill-types.js';
import { startSkillsRoom, type SkillsRoom } from './testing/skills-room.js';

// The skills room: the arm at the origin facing +x; red_box 0.6 m ahead, purple_ball 2.6 m ahead
// to the right, green_box behind a shelf, blue_box behind the robot at (-1.5, 1).
describe('observe and approach with the simulated mobile manipulator', () => {
  let room: SkillsRoom;
  let skills: RobotSkills;

  beforeEach(async () => {
    room = await startSkillsRoom();
    skills = new RobotSkills(room.robotBus, room.clock, { serverTimeoutMs: 200 });
    await room.sleep(1);
  });
  afterEach(async () => {
    skills.dispose();
    await room.dispose();
  });

  it('observe sweeps a full turn, finds the blue box behind the robot, and reports the angle swept', async () => {
    expect(skills.perception.sightings().map((s) => s.id)).not.toContain('blue_box');
    const start = skills.pose!.theta;
    const progress: SkillProgress[] = [];
    const seen = await skills.observe({ onProgress: (p) => progress.push(p) });
    expect(seen.map((s) => s.id).sort()).toEqual(['blue_box', 'purple_ball', 'red_box']);
    const blue = seen.find((s) => s.id === 'blue_box')!;
    expect(blue.pose.x).toBeCloseTo(-1.5, 2);
    const swept = progress.map((p) => (p.skill === 'observe' ? p.angleSwept : Number.NaN));
    expect(swept.length).toBeGreaterThan(4);
    expect(swept.at(-1)).toBeCloseTo(2 * Math.PI, 5);
    for (let i = 1; i < swept.length; i++) expect(swept[i]!).toBeGreaterThanOrEqual(swept[i - 1]! - 0.06);
    expect(Math.abs(normalizeAngle(skills.pose!.theta - start))).toBeLessThan(0.1);
  });

  it('observe with a target turns to face it and reports what it sees there', async () => {
    const seen = await skills.observe({ target: { x: -1.5, y: 1 }, dwellSeconds: 0.5 });
    expect(seen.map((s) => s.id)).toContain('blue_box');
    const facing = Math.atan2(1, -1.5);
    expect(Math.abs(normalizeAngle(skills.pose!.theta - facing))).toBeLessThan(0.1);
  });

  it('approach creeps up to the red box until the gripper reaches it, and grasp then picks it up', async () => {
    const progress: SkillProgress[] = [];
    await skills.approach('red_box', { onProgress: (p) => progress.push(p) });
    const pose = skills.pose!;
    const tip = { x: pose.x + 0.12 * Math.cos(pose.theta), y: pose.y + 0.12 * Math.sin(pose.theta) };
    // Gripper point to the box's near face (the box is 0.1 m wide): within reach (0.15 m), not touching.
    const gap = Math.hypot(0.6 - tip.x, tip.y) - 0.05;
    expect(gap).toBeLessThan(0.15);
    expect(gap).toBeGreaterThan(0.02);
    expect(progress.some((p) => p.skill === 'approach' && p.phase === 'creeping')).toBe(true);
    expect(await skills.grasp('red_box')).toBe('red_box');
    await room.sleep(0.3);
    const held = skills.perception.sightings().find((s) => s.id === 'red_box');
    expect(held?.heldBy).toBe('arm');
    await expect(skills.approach('red_box')).rejects.toThrow(/object 'red_box' is held by 'arm'/);
  });

  it('approach fails when the bumper touches something other than the object', async () => {
    // Without occlusion the green box shows through the shelf, and the way to it runs into the shelf.
    const perception = new SimulatedObjectPerception(room.robotBus, { mapTopic: 'no_map_here' });
    const blind = new RobotSkills(room.robotBus, room.clock, { perception });
    try {
      await room.sleep(0.3);
      const error = await blind.approach('green_box', { maxDistance: 3, speed: 0.08 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SkillFailed);
      expect((error as Error).message).toMatch(/bumped into 'shelf' on the way to 'green_box'/);
    } finally {
      blind.dispose();
      perception.close();
    }
  });

  it('approach fails for an object out of sight, one too far away, and bad input', async () => {
    await expect(skills.approach('blue_box')).rejects.toThrow(/object 'blue_box' not in sight/);
    await expect(skills.approach('purple_ball')).rejects.toThrow(/farther than the approach limit of 1 m/);
    await expect(skills.approach('red_box', { speed: 0.2 })).rejects.toThrow(/speed must be at most 0.08 m\/s/);
    await expect(skills.approach('')).rejects.toBeInstanceOf(SkillFailed);
    await expect(skills.observe({ target: { x: Number.NaN, y: 0 } })).rejects.toThrow(/target.x must be a finite/);
    await expect(skills.approach('red_box', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(SkillCancelled);
    await expect(skills.approach('red_box', { timeoutMs: 500 })).rejects.toThrow(
      /skill approach failed: not done within 500 ms/,
    );
  });

  it('aborting observe stops the turn and rejects with SkillCancelled for observe', async () => {
    const stop = new AbortController();
    const sweep = skills.observe({ signal: stop.signal });
    await room.sleep(1);
    stop.abort();
    const error = await sweep.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkillCancelled);
    expect(error).toMatchObject({ skill: 'observe' });
    await room.sleep(0.3);
    const halted = skills.pose!.theta;
    await room.sleep(1);
    expect(Math.abs(normalizeAngle(skills.pose!.theta - halted))).toBeLessThan(0.02);
  });
});
