import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  type MessageBus,
  type NodeRequest,
  type ParamValueSource,
  type PluginHost,
} from '@omnimind/core';
import { RobotSkills } from './robot-skills.js';
import { SkillCancelled, SkillFailed } from './skill-errors.js';
import type { SkillProgress } from './skill-types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const world = join(root, 'simulations', 'src', 'plugin', 'fixtures', 'grasp-room.yaml');

function simulatorNode(): NodeRequest {
  const params = { world, real_time_factor: 1, noise: false };
  return {
    pkg: '@omnimind/simulator',
    plugin: 'simulator',
    name: 'sim',
    namespace: '/',
    remaps: [],
    baseDir: root,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}

describe('robot skills with the simulated mobile manipulator (grasp room)', () => {
  let clock: ManualClock;
  let host: PluginHost;
  let bus: MessageBus;
  let dispose: () => Promise<void>;
  let skills: RobotSkills;

  beforeEach(async () => {
    clock = new ManualClock();
    ({ host, bus, dispose } = createInProcessHost({ clock }));
    await host.load([simulatorNode()]);
    await host.startAll();
    skills = new RobotSkills(bus.forNode({ name: 'agent', namespace: '/arm' }), clock, { serverTimeoutMs: 200 });
  });
  afterEach(async () => {
    skills.dispose();
    await dispose();
  });

  /** Advances the manual clock in command periods until `promise` settles. */
  async function drive<T>(promise: Promise<T>, limitMs = 20_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => void (settled = true));
    for (let t = 0; t < limitMs && !settled; t += 50) {
      clock.advanceBy(50);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return watched;
  }

  it('grasps the red box in reach, then releases it', async () => {
    const progress: SkillProgress[] = [];
    expect(await skills.grasp(undefined, { onProgress: (p) => progress.push(p) })).toBe('red_box');
    expect(progress.every((p) => p.skill === 'grasp')).toBe(true);
    expect(await skills.release()).toBe('red_box');
  });

  it('fails with SkillFailed when nothing is in reach, and when releasing with nothing held', async () => {
    await expect(skills.release()).rejects.toBeInstanceOf(SkillFailed);
    const cmdVel = bus.forNode({ name: 'teleop' }).topic('/arm/cmd_vel', 'geometry_msgs/msg/Twist');
    for (let i = 0; i < 40; i++) {
      cmdVel.publish({ linear: { x: -0.3, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
      clock.advanceBy(100);
    }
    expect(skills.pose!.x).toBeLessThan(-0.5);
    const error = await skills.grasp().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkillFailed);
    expect(error).toMatchObject({ code: 'OMNI_ERR_SKILL_FAILED', skill: 'grasp' });
    expect((error as Error).message).toMatch(/^skill grasp failed: .+/);
  });

  it('rotates in place on the manual clock and stops at the angle', async () => {
    await drive(skills.rotate(-Math.PI / 2));
    expect(skills.pose!.theta).toBeCloseTo(-Math.PI / 2, 1);
    const stopped = skills.pose!.theta;
    clock.advanceBy(1000);
    expect(Math.abs(skills.pose!.theta - stopped)).toBeLessThan(0.02);
  });

  it('aborting rotate zeroes the velocity and rejects with SkillCancelled', async () => {
    const stop = new AbortController();
    const turning = skills.rotate(Math.PI, { signal: stop.signal });
    for (let i = 0; i < 10; i++) {
      clock.advanceBy(50);
      await new Promise((resolve) => setImmediate(resolve));
    }
    stop.abort();
    await expect(turning).rejects.toBeInstanceOf(SkillCancelled);
    clock.advanceBy(300);
    const halted = skills.pose!.theta;
    clock.advanceBy(1000);
    expect(Math.abs(skills.pose!.theta - halted)).toBeLessThan(0.02);
    expect(halted).toBeGreaterThan(0.1);
    expect(halted).toBeLessThan(Math.PI - 0.5);
  });

  it('fails navigateTo with SkillFailed when no navigator serves the action', async () => {
    const error = await drive(skills.navigateTo({ x: 1, y: 0, theta: 0 }).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(SkillFailed);
    expect((error as Error).message).toMatch(/no server for action \/arm\/navigate_to_pose/);
  });

  it('refuses a non-finite pose or angle, and an already aborted signal', async () => {
    await expect(skills.navigateTo({ x: Number.NaN, y: 0, theta: 0 })).rejects.toBeInstanceOf(SkillFailed);
    await expect(skills.rotate(Infinity)).rejects.toBeInstanceOf(SkillFailed);
    await expect(skills.wait(-1)).rejects.toBeInstanceOf(SkillFailed);
    const aborted = AbortSignal.abort();
    await expect(skills.grasp('red_box', { signal: aborted })).rejects.toBeInstanceOf(SkillCancelled);
    await expect(skills.rotate(1, { signal: aborted })).rejects.toBeInstanceOf(SkillCancelled);
    await expect(skills.wait(1, { signal: aborted })).rejects.toBeInstanceOf(SkillCancelled);
  });
});
