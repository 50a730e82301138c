import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RobotSkills } from './robot-skills.js';
import { SkillCancelled, SkillFailed } from './skill-errors.js';
import type { SkillProgress } from './skill-types.js';
import { startSkillsRoom, type SkillsRoom } from './testing/skills-room.js';

// The skills room: the arm at the origin facing +x with red_box (0.1 m, 0.2 kg) 0.6 m ahead.
describe('push and pull with the simulated mobile manipulator', () => {
  let room: SkillsRoom;
  let skills: RobotSkills;

  beforeEach(async () => {
    room = await startSkillsRoom({ navigator: true });
    skills = new RobotSkills(room.robotBus, room.clock);
    // A first look (and a first map for the navigator).
    await room.sleep(1);
  });
  afterEach(async () => {
    skills.dispose();
    await room.dispose();
  });

  function redBox(): { x: number; y: number } {
    const seen = skills.perception.sightings().find((s) => s.id === 'red_box');
    if (!seen) throw new Error('red_box not in sight');
    return seen.pose;
  }

  it('push navigates behind the red box, pushes it 1 m to the side to the target, then backs off', async () => {
    const to = { x: 0.6, y: -1.0 };
    const phases: string[] = [];
    await skills.push('red_box', to, {
      tolerance: 0.15,
      onProgress: (p) => {
        if (p.skill === 'push' && phases.at(-1) !== p.phase) phases.push(p.phase);
      },
    });
    await room.sleep(0.5);
    const box = redBox();
    // The box may slide on a little after the last push.
    expect(Math.hypot(box.x - to.x, box.y - to.y)).toBeLessThan(0.2);
    expect(phases).toEqual(['navigating', 'facing', 'pushing', 'backingOff']);
    const pose = skills.pose!;
    // Backed off: the robot's front is clear of the box.
    expect(Math.hypot(box.x - pose.x, box.y - pose.y)).toBeGreaterThan(0.105 + 0.05 + 0.25);
  }, 20_000);

  it('push also steers the box to a target at a slant to its faces', async () => {
    const to = { x: 1.3, y: -0.5 };
    await skills.push('red_box', to);
    await room.sleep(0.5);
    const box = redBox();
    expect(Math.hypot(box.x - to.x, box.y - to.y)).toBeLessThan(0.25);
  }, 20_000);

  it('push fails with "slipped away" when the box turns off course and drifts from the target', async () => {
    // Pushed at about 37° to its faces, the box turns against the round front and slides off to the side.
    const error = await skills.push('red_box', { x: 1.5, y: -1.2 }, { tolerance: 0.1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkillFailed);
    expect((error as Error).message).toMatch(/skill push failed: 'red_box' slipped away/);
  }, 20_000);

  it('pull grasps the red box, drags it behind the robot to the target and lets go', async () => {
    const to = { x: -0.3, y: -0.3 };
    const progress: SkillProgress[] = [];
    await skills.pull('red_box', to, { onProgress: (p) => progress.push(p) });
    await room.sleep(0.5);
    const box = skills.perception.sightings().find((s) => s.id === 'red_box');
    expect(box?.heldBy).toBeUndefined();
    expect(Math.hypot(box!.pose.x - to.x, box!.pose.y - to.y)).toBeLessThan(0.2);
    const pulling = progress.flatMap((p) => (p.skill === 'pull' && p.phase === 'pulling' ? [p.objectToTarget!] : []));
    expect(pulling[0]!).toBeGreaterThan(0.6);
    expect(pulling.at(-1)!).toBeLessThan(0.25);
    // Released: releasing again finds the gripper empty.
    await expect(skills.release()).rejects.toThrow(/not holding anything/);
  }, 20_000);

  it('aborting a push mid-way stops the robot and rejects with SkillCancelled', async () => {
    const stop = new AbortController();
    let pushedFrom: number | undefined;
    const pushing = skills.push(
      'red_box',
      { x: 1.6, y: -0.3 },
      {
        signal: stop.signal,
        onProgress: (p) => {
          if (p.skill !== 'push' || p.phase !== 'pushing') return;
          pushedFrom ??= p.objectToTarget;
          if (p.objectToTarget! < pushedFrom! - 0.15) stop.abort();
        },
      },
    );
    const error = await pushing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkillCancelled);
    expect(error).toMatchObject({ skill: 'push' });
    await room.sleep(0.3);
    const halted = skills.pose!;
    await room.sleep(1);
    // Still pushing, it would have gone 0.1 m; the box settling against the front may nudge it a little.
    expect(Math.hypot(skills.pose!.x - halted.x, skills.pose!.y - halted.y)).toBeLessThan(0.02);
  }, 20_000);

  it('push and pull refuse unseen objects and bad targets', async () => {
    await expect(skills.push('blue_box', { x: 0, y: 0 })).rejects.toThrow(/'blue_box' has not been seen/);
    await expect(skills.push('red_box', { x: Number.POSITIVE_INFINITY, y: 0 })).rejects.toThrow(/to.x must be/);
    await expect(skills.pull('red_box', { x: 0, y: 0 }, { tolerance: -1 })).rejects.toBeInstanceOf(SkillFailed);
    await expect(skills.pull('blue_box', { x: 0, y: 0 })).rejects.toThrow(
      /skill pull failed: approach failed: .*not in sight/,
    );
  });
});
