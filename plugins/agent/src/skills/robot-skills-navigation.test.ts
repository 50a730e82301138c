import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SimClock,
  feedSimClock,
  normalizeAngle,
  startLaunch,
  type RunningSystem,
  type SimClockFeed,
} from '@omnimind/core';
import { RobotSkills } from './robot-skills.js';
import { SkillCancelled, SkillError } from './skill-errors.js';
import type { SkillProgress } from './skill-types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const silent = new Writable({ write: (_c, _e, done) => done() });

describe('robot skills against the navigation launch (office, robot1)', () => {
  let system: RunningSystem;
  let clock: SimClock;
  let feed: SimClockFeed;
  let skills: RobotSkills;

  beforeAll(async () => {
    system = await startLaunch(join(root, 'launch', 'navigation.launch.yaml'), {
      logLevel: 'silent',
      logDestination: silent,
      cwd: root,
      args: { real_time_factor: '10' },
    });
    clock = new SimClock();
    feed = feedSimClock(system.bus.forNode({ name: 'skills_clock' }), clock);
    skills = new RobotSkills(system.bus.forNode({ name: 'agent', namespace: '/robot1' }), clock);
  });
  afterAll(async () => {
    skills?.dispose();
    feed?.stop();
    await system?.shutdown();
  });

  function pose(): { x: number; y: number; theta: number } {
    const now = skills.pose;
    if (!now) throw new Error('no pose yet');
    return now;
  }

  it('navigateTo reaches (4, 5), reporting the distance left as it goes', async () => {
    const progress: SkillProgress[] = [];
    await skills.navigateTo({ x: 4, y: 5, theta: 0 }, { onProgress: (p) => progress.push(p) });
    expect(Math.hypot(pose().x - 4, pose().y - 5)).toBeLessThan(0.25);
    const distances = progress.map((p) => (p.skill === 'navigateTo' ? p.distanceRemaining : NaN));
    expect(distances.length).toBeGreaterThan(3);
    expect(distances[0]!).toBeGreaterThan(2);
    expect(distances.at(-1)!).toBeLessThan(distances[0]! / 2);
  }, 20_000);

  it('rotate by π/2 turns the measured yaw by π/2 within 0.1 rad and leaves the robot stopped', async () => {
    const before = pose().theta;
    const progress: SkillProgress[] = [];
    await skills.rotate(Math.PI / 2, { onProgress: (p) => progress.push(p) });
    expect(Math.abs(normalizeAngle(pose().theta - before - Math.PI / 2))).toBeLessThan(0.1);
    expect(progress[0]).toMatchObject({ skill: 'rotate' });
    const stopped = pose().theta;
    await skills.wait(0.5);
    expect(Math.abs(normalizeAngle(pose().theta - stopped))).toBeLessThan(0.05);
  }, 10_000);

  it('wait takes its time on the simulation clock, and aborting it rejects with SkillCancelled', async () => {
    const start = clock.nowMs();
    await skills.wait(1);
    expect(clock.nowMs() - start).toBeGreaterThanOrEqual(1000);
    const stop = new AbortController();
    const waiting = skills.wait(100, { signal: stop.signal });
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(SkillCancelled);
  });

  it('aborting navigateTo cancels the goal, stops the robot and rejects with SkillCancelled', async () => {
    const stop = new AbortController();
    let reported = 0;
    const going = skills.navigateTo(
      { x: 3.8, y: 2.2, theta: 0 },
      {
        signal: stop.signal,
        onProgress: () => {
          if (++reported === 5) stop.abort(new Error('operator stop'));
        },
      },
    );
    const error = await going.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkillCancelled);
    expect(error).toBeInstanceOf(SkillError);
    expect(error).toMatchObject({ code: 'OMNI_ERR_SKILL_CANCELLED', skill: 'navigateTo' });
    expect((error as Error).cause).toMatchObject({ message: 'operator stop' });
    await skills.wait(0.5);
    const halted = pose();
    await skills.wait(1);
    expect(Math.hypot(pose().x - halted.x, pose().y - halted.y)).toBeLessThan(0.02);
    expect(Math.hypot(pose().x - 3.8, pose().y - 2.2)).toBeGreaterThan(0.5);
  }, 10_000);

  it('dock drives onto the dock pose and resolves once the robot stands still', async () => {
    const phases: string[] = [];
    await skills.dock({ x: 4.5, y: 5, theta: 0 }, { onProgress: (p) => p.skill === 'dock' && phases.push(p.phase) });
    expect(Math.hypot(pose().x - 4.5, pose().y - 5)).toBeLessThan(0.25);
    expect(phases.at(-1)).toBe('settling');
    const settled = pose();
    await skills.wait(0.5);
    expect(Math.hypot(pose().x - settled.x, pose().y - settled.y)).toBeLessThan(0.01);
  }, 10_000);
});
