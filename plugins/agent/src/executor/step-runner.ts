import { OmniError, normalizeAngle, type Clock } from '@omnimind/core';
import type { GroundedAction } from '../goap/actions/action-types.js';
import { formatAction } from '../goap/actions/action-types.js';
import type { ObjectPerception, ObjectSighting } from '../perception/object-perception.js';
import type { PlanarPose } from '../skills/pose-watch.js';
import type { SkillOptions } from '../skills/skill-types.js';
import { OBJECT_PLACE_PREFIX, type WorldModel } from './world-model.js';

/** The skills a plan's steps use (what `RobotSkills` offers). */
export interface StepSkills {
  navigateTo(pose: PlanarPose, options?: SkillOptions): Promise<void>;
  observe(options?: SkillOptions & { readonly target?: { x: number; y: number } }): Promise<readonly ObjectSighting[]>;
  approach(objectId: string, options?: SkillOptions): Promise<void>;
  grasp(objectId?: string, options?: SkillOptions): Promise<string>;
  release(options?: SkillOptions): Promise<string>;
  push(objectId: string, to: { x: number; y: number }, options?: SkillOptions): Promise<void>;
  pull(objectId: string, to: { x: number; y: number }, options?: SkillOptions): Promise<void>;
  rotate(angleRad: number, options?: SkillOptions): Promise<void>;
  wait(seconds: number, options?: SkillOptions): Promise<void>;
  dock(dockPose: PlanarPose, options?: SkillOptions): Promise<void>;
}

/** A plan step that could not be done; `details.step` names it. */
export class StepFailed extends OmniError {
  constructor(action: GroundedAction, message: string, cause?: unknown) {
    super('OMNI_ERR_AGENT_STEP_FAILED', `${formatAction(action)}: ${message}`, {
      details: { step: formatAction(action) },
      ...(cause === undefined ? {} : { cause }),
    });
  }
}

/** Options of {@link StepRunner}. */
export interface StepRunnerOptions {
  /** Distance from an object to stand at before the final approach (m). */
  readonly approachDistance: number;
  /** A charge stops at this state of charge (0–1). */
  readonly chargeToFraction: number;
  /** Distance in front of a dock to drive to before docking (m). */
  readonly preDockDistance?: number;
  /** How often a charge checks the battery, ms of the clock. */
  readonly chargePollMs?: number;
}

/**
 * Runs the task planner's grounded actions as robot skills, keeping the {@link WorldModel} up to
 * date with what each step finds out: `move` drives to a place (an object's place: to a stand-off
 * pose facing it; a dock: to a pose in front of it), `observe` looks and records sightings,
 * `grasp` approaches and closes the gripper, `release` opens it, `push`/`pull` move an object along
 * the floor, `rotate` turns to a heading, `wait` stands still, `dock` settles on the dock, and
 * `charge` docks and waits until the battery reaches the charge target.
 */
export class StepRunner {
  constructor(
    private readonly skills: StepSkills,
    private readonly world: WorldModel,
    private readonly clock: Clock,
    private readonly perception: ObjectPerception,
    private readonly options: StepRunnerOptions,
  ) {}

  /** Runs `action`; rejects with {@link StepFailed} (or the skill's cancellation when `signal` aborts). */
  async run(action: GroundedAction, signal: AbortSignal): Promise<void> {
    try {
      await this.dispatch(action, signal);
    } catch (error) {
      if (signal.aborted || error instanceof StepFailed) throw error;
      throw new StepFailed(action, error instanceof Error ? error.message : String(error), error);
    }
  }

  private async dispatch(action: GroundedAction, signal: AbortSignal): Promise<void> {
    const opts = { signal };
    switch (action.type) {
      case 'move':
        return this.skills.navigateTo(this.poseFor(action.to, action), opts);
      case 'observe':
        return this.observe(action, signal);
      case 'grasp': {
        const object = this.world.objectPose(action.object);
        if (object === undefined) throw new StepFailed(action, `${action.object} has not been seen`);
        const here = this.robotPose(action);
        if (Math.hypot(object.x - here.x, object.y - here.y) > this.options.approachDistance + 0.3) {
          await this.skills.navigateTo(this.standOff(object), opts);
        }
        try {
          await this.skills.approach(action.object, opts);
        } catch (error) {
          if (signal.aborted || this.perception.sightings().some((s) => s.id === action.object)) throw error;
          // Gone from where it was seen: look around here first, then search elsewhere.
          const around = await this.skills.observe({ signal });
          this.world.observe(around);
          if (around.some((s) => s.id === action.object)) {
            throw new StepFailed(action, `${action.object} had moved; seen again nearby`, error);
          }
          const place = this.world.nearestPlace(here, 1.5) ?? 'here';
          this.world.markNotFound(action.object, place);
          throw new StepFailed(action, `${action.object} is not in sight at ${place}`, error);
        }
        const held = await this.skills.grasp(action.object, opts);
        this.world.setHolding(held);
        return;
      }
      case 'release': {
        const released = await this.skills.release(opts);
        this.world.setHolding(null);
        // Record where it now lies (perception cannot see an object inside the gripper's reach).
        const here = this.robotPose(action);
        const ahead = 0.25;
        this.world.placed(released || action.object, {
          x: here.x + ahead * Math.cos(here.theta),
          y: here.y + ahead * Math.sin(here.theta),
          theta: here.theta,
        });
        return;
      }
      case 'push':
      case 'pull': {
        const to = this.poseFor(action.to, action);
        if (action.type === 'push') await this.skills.push(action.object, to, opts);
        else await this.skills.pull(action.object, to, opts);
        this.world.observe(await this.skills.observe({ ...opts, target: to }));
        return;
      }
      case 'rotate':
        return this.skills.rotate(normalizeAngle(action.angle - this.robotPose(action).theta), opts);
      case 'wait':
        return this.skills.wait(action.seconds, opts);
      case 'dock':
        return this.skills.dock(this.dockAt(action).pose, opts);
      case 'charge':
        return this.charge(action, signal);
    }
  }

  private async observe(action: GroundedAction & { type: 'observe' }, signal: AbortSignal): Promise<void> {
    const known = action.kind === 'object' ? this.world.objectPose(action.target) : this.world.placePose(action.target);
    let seen = await this.skills.observe(known ? { signal, target: known } : { signal });
    this.world.observe(seen);
    if (action.kind === 'area' || seen.some((s) => s.id === action.target)) return;
    // Not where it was looked for: look all around before giving up on this place.
    seen = await this.skills.observe({ signal });
    this.world.observe(seen);
    if (seen.some((s) => s.id === action.target)) return;
    const place = this.world.nearestPlace(this.robotPose(action), 1.5) ?? 'here';
    this.world.markNotFound(action.target, place);
    throw new StepFailed(action, `${action.target} is not in sight at ${place}`);
  }

  private async charge(action: GroundedAction, signal: AbortSignal): Promise<void> {
    if (!this.world.onDock()) await this.skills.dock(this.dockAt(action).pose, { signal });
    const poll = this.options.chargePollMs ?? 1000;
    let lastRise = this.clock.nowMs();
    let last = this.world.battery ?? 0;
    while ((this.world.battery ?? 0) < this.options.chargeToFraction) {
      await this.clock.sleep(poll, signal);
      const now = this.world.battery ?? 0;
      if (now > last) {
        last = now;
        lastRise = this.clock.nowMs();
      } else if (this.clock.nowMs() - lastRise > 30_000) {
        throw new StepFailed(action, 'the battery does not charge on this dock');
      }
    }
  }

  private robotPose(action: GroundedAction): PlanarPose {
    const pose = this.world.pose;
    if (!pose) throw new StepFailed(action, 'the robot pose is not known yet');
    return pose;
  }

  /** The pose to drive to for place `name`. */
  private poseFor(name: string, action: GroundedAction): PlanarPose {
    if (name.startsWith(OBJECT_PLACE_PREFIX)) {
      const object = this.world.objectPose(name.slice(OBJECT_PLACE_PREFIX.length));
      if (!object) throw new StepFailed(action, `the place of ${name.slice(1)} is not known`);
      return this.standOff(object);
    }
    const dock = this.world.dock(name);
    if (dock) {
      const d = this.options.preDockDistance ?? 0.6;
      return {
        x: dock.pose.x - d * Math.cos(dock.pose.theta),
        y: dock.pose.y - d * Math.sin(dock.pose.theta),
        theta: dock.pose.theta,
      };
    }
    const place = this.world.placePose(name);
    if (!place) throw new StepFailed(action, `unknown place ${name}`);
    return place;
  }

  /** A pose `approachDistance` from `object`, on the robot's side, facing it. */
  private standOff(object: { x: number; y: number }): PlanarPose {
    const here = this.world.pose ?? { x: object.x + 1, y: object.y, theta: 0 };
    const dx = here.x - object.x;
    const dy = here.y - object.y;
    const norm = Math.hypot(dx, dy) || 1;
    const d = this.options.approachDistance;
    const x = object.x + (dx / norm) * d;
    const y = object.y + (dy / norm) * d;
    return { x, y, theta: Math.atan2(object.y - y, object.x - x) };
  }

  private dockAt(action: GroundedAction): { pose: PlanarPose } {
    const here = this.robotPose(action);
    let best: { pose: PlanarPose; d: number } | undefined;
    for (const dock of this.world.map.docks) {
      const d = Math.hypot(dock.pose.x - here.x, dock.pose.y - here.y);
      if (best === undefined || d < best.d) best = { pose: dock.pose, d };
    }
    if (!best) throw new StepFailed(action, 'the map has no dock');
    return best;
  }
}
