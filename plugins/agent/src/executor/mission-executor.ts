import type { Clock, Logger, Timer } from '@omnimind/core';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { BehaviorTreeFactory } from '../bt/bt-factory.js';
import type { StatusChange } from '../bt/tree-snapshot.js';
import type { GroundedAction } from '../goap/actions/action-types.js';
import { formatAction } from '../goap/actions/action-types.js';
import { satisfiesGoal, type GoalCondition } from '../goap/goal-condition.js';
import type { Goal } from '../goals/goal-schema.js';
import type { GoalQueue, GoalStatus } from '../goals/goal-queue.js';
import { planRound, type PlanningSetup } from './planning-round.js';
import { planToTreeXml } from './plan-tree.js';
import { registerSkillNodes } from './skill-nodes.js';
import { StepFailed, type StepRunner } from './step-runner.js';
import type { WorldModel } from './world-model.js';

/** How one goal ended, for the summary. */
export interface GoalReport {
  readonly id: string;
  readonly status: 'succeeded' | 'failed' | 'cancelled';
  readonly reason?: string | undefined;
  /** Clock seconds when it first became active and when it ended. */
  readonly startedS: number;
  readonly endedS: number;
  /** Plans searched after the first (step failures and world changes). */
  readonly replans: number;
  /** The steps run to the end, in order. */
  readonly steps: readonly string[];
  /** Charging detours the energy policy inserted. */
  readonly chargingDetours: number;
}

/** What the agent is doing now, for the status topic. */
export interface ExecutorStatus {
  readonly goalId: string;
  readonly goalStatus: GoalStatus | '';
  readonly plan: readonly string[];
  readonly currentStep: number;
  readonly replans: number;
  readonly message: string;
}

/** Options of {@link MissionExecutor}. */
export interface MissionExecutorOptions {
  readonly tickHz: number;
  /** Below this state of charge the agent submits a recharge goal that preempts the others. */
  readonly lowFraction: number;
  /** The state of charge a recharge goal asks for. */
  readonly chargeToFraction: number;
}

interface GoalProgress {
  replans: number;
  searches: number;
  chargingDetours: number;
  readonly steps: string[];
  startedS: number | undefined;
}

type AbortReason = 'preempted' | 'cancelled' | 'failed' | 'world-changed' | 'object-found' | 'timeout' | 'stopped';

const RECHARGE_PRIORITY = 1_000_000;

/**
 * The agent's executive: takes the active goal of the {@link GoalQueue}, plans it with GOAP over the
 * {@link WorldModel}'s symbolic view (with a charging detour when the energy would not last), runs
 * the plan as a behavior tree of skill nodes, and watches it: a step that fails or a change in the
 * world that touches the goal's objects halts the tree and plans again from what is now believed,
 * up to the goal's `maxReplans`; searching for an object that was not where expected does not count.
 * A higher-priority goal preempts the running one (its tree is halted, the robot stops) and the
 * preempted goal resumes, replanned, when it is next. When the battery runs low it queues a
 * recharge goal above everything else.
 */
export class MissionExecutor {
  private readonly progress = new Map<string, GoalProgress>();
  private readonly reportList: GoalReport[] = [];
  private readonly statusSubject = new Subject<ExecutorStatus>();
  private readonly treeSubject = new Subject<StatusChange>();
  private readonly idleSubject = new Subject<readonly GoalReport[]>();
  private current: { goal: Goal; abort: AbortController } | undefined;
  private wake: (() => void) | undefined;
  private stopped = false;
  private loopDone: Promise<void> | undefined;
  private subscriptions: Subscription[] = [];
  private housekeepingTimer: Timer | undefined;
  private recharges = 0;

  constructor(
    private readonly queue: GoalQueue,
    private readonly world: WorldModel,
    private readonly runner: StepRunner,
    private readonly setup: PlanningSetup,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: MissionExecutorOptions,
  ) {}

  /** Status after every change. */
  get status$(): Observable<ExecutorStatus> {
    return this.statusSubject.asObservable();
  }

  /** Status changes of the running plan's tree nodes. */
  get treeChanges$(): Observable<StatusChange> {
    return this.treeSubject.asObservable();
  }

  /** Emits the reports every time the last live goal ends (nothing active, nothing waiting). */
  get idle$(): Observable<readonly GoalReport[]> {
    return this.idleSubject.asObservable();
  }

  /** How every goal that ended went, in the order they ended. */
  reports(): readonly GoalReport[] {
    return this.reportList;
  }

  /** Starts pursuing goals; resolves when {@link stop} is called. */
  start(): void {
    this.subscriptions.push(
      this.queue.events$.subscribe((event) => {
        const running = this.current;
        if (running && event.goal.id === running.goal.id && event.status !== 'active') {
          running.abort.abort(event.status as AbortReason);
        }
        // Ends the executor did not decide itself: a cancel, or a deadline that passed.
        const external =
          event.status === 'cancelled' || (event.status === 'failed' && event.reason === 'deadline passed');
        if (external) {
          this.ended(event.goal, event.status as 'cancelled' | 'failed', event.reason);
        }
        this.wake?.();
      }),
    );
    this.housekeepingTimer = this.clock.createTimer(2000, () => {
      // Deadlines pass while a plan runs too: an expired goal's tree is halted through its event.
      this.queue.expireOverdue();
      this.checkBattery();
    });
    this.loopDone = this.loop();
  }

  /** Stops: halts the running tree (the robot stops) and ends the loop. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.abort.abort('stopped');
    this.wake?.();
    this.housekeepingTimer?.cancel();
    await this.loopDone;
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
  }

  private async loop(): Promise<void> {
    let hadGoals = false;
    while (!this.stopped) {
      this.queue.expireOverdue();
      const goal = this.queue.active;
      if (goal === undefined) {
        if (hadGoals && this.queue.waiting().length === 0) {
          hadGoals = false;
          this.emitStatus({ goalId: '', goalStatus: '', plan: [], currentStep: -1, replans: 0, message: 'idle' });
          this.idleSubject.next(this.reportList);
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      hadGoals = true;
      if (!(await this.robotKnown())) continue;
      try {
        await this.pursue(goal);
      } catch (error) {
        // An error of the executor itself must not leave the goal active forever.
        this.logger.error({ err: error, goal: goal.id }, 'goal execution failed unexpectedly');
        if (this.queue.status(goal.id) === 'active') this.finish(goal, 'failed', String(error));
      }
    }
  }

  /** Waits (up to 10 s of the clock) for the first pose and battery reading; false when stopped first. */
  private async robotKnown(): Promise<boolean> {
    const since = this.clock.nowMs();
    while (!this.stopped && (this.world.pose === undefined || this.world.battery === undefined)) {
      if (this.clock.nowMs() - since > 10_000) {
        this.logger.warn('no pose or battery reading yet: planning with what is known');
        return true;
      }
      await this.clock.sleep(100);
    }
    return !this.stopped;
  }

  private progressOf(goal: Goal): GoalProgress {
    let p = this.progress.get(goal.id);
    if (!p) {
      p = { replans: 0, searches: 0, chargingDetours: 0, steps: [], startedS: undefined };
      this.progress.set(goal.id, p);
    }
    p.startedS ??= this.clock.nowMs() / 1000;
    return p;
  }

  private async pursue(goal: Goal): Promise<void> {
    const progress = this.progressOf(goal);
    const capacityWh = this.setup.battery.capacityAh * this.setup.battery.nominalVoltage;
    const timeoutAt =
      goal.success.timeoutS === undefined ? undefined : (progress.startedS ?? 0) + goal.success.timeoutS;
    // An object counts as where the goal wants it only once seen there, not while that is a guess.
    const target: GoalCondition = {
      ...goal.target,
      observed: [...new Set([...(goal.target.observed ?? []), ...Object.keys(goal.target.objectAt ?? {})])],
    };
    while (!this.stopped && this.queue.status(goal.id) === 'active') {
      const view = this.world.symbolicView(target, capacityWh);
      if (satisfiesGoal(target, view.state, capacityWh)) {
        this.finish(goal, 'succeeded');
        return;
      }
      let round;
      try {
        round = await planRound(view, target, this.setup);
      } catch (error) {
        this.finish(goal, 'failed', `no plan: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (this.queue.status(goal.id) !== 'active') return;
      if (round.chargingDetour) progress.chargingDetours += 1;
      const actions = round.plan.steps.map((s) => s.action);
      const outcome = await this.runPlan(goal, target, actions, progress, timeoutAt);
      if (outcome.kind === 'done') continue;
      if (outcome.kind === 'left') return;
      if (outcome.kind === 'timeout') {
        this.finish(goal, 'failed', `not reached within ${goal.success.timeoutS} s`);
        return;
      }
      // A failed step or a change in the world: plan again from what is believed now.
      if (outcome.search) progress.searches += 1;
      else progress.replans += 1;
      const tooMany = outcome.search
        ? progress.searches > Object.keys(this.world.map.places).length
        : progress.replans > goal.success.maxReplans;
      this.logger.info({ goal: goal.id, reason: outcome.reason, replans: progress.replans }, 'replanning');
      if (tooMany) {
        this.finish(goal, 'failed', `gave up after ${progress.replans} replans: ${outcome.reason}`);
        return;
      }
    }
  }

  private async runPlan(
    goal: Goal,
    target: GoalCondition,
    actions: readonly GroundedAction[],
    progress: GoalProgress,
    timeoutAt: number | undefined,
  ): Promise<
    { kind: 'done' } | { kind: 'left' } | { kind: 'timeout' } | { kind: 'replan'; reason: string; search: boolean }
  > {
    const plan = actions.map(formatAction);
    this.logger.info({ goal: goal.id, plan }, 'plan');
    const abort = new AbortController();
    this.current = { goal, abort };
    let stepIndex = -1;
    let lastError: unknown;
    let runningAction: GroundedAction | undefined;
    const status = (message: string): void =>
      this.emitStatus({
        goalId: goal.id,
        goalStatus: this.queue.status(goal.id) ?? '',
        plan,
        currentStep: stepIndex,
        replans: progress.replans,
        message,
      });
    const factory = new BehaviorTreeFactory();
    registerSkillNodes(factory, async (action, signal) => {
      stepIndex += 1;
      runningAction = action;
      status(`running ${formatAction(action)}`);
      try {
        await this.runner.run(action, signal);
        progress.steps.push(formatAction(action));
      } catch (error) {
        lastError = error;
        throw error;
      } finally {
        runningAction = undefined;
      }
    });
    const tree = factory.createTreeFromXml(planToTreeXml(goal.id, actions), `plan:${goal.id}`, { clock: this.clock });
    // The planning target observes every object the goal names: those are the ones to watch.
    const watched = new Set(target.observed ?? []);
    const subscriptions = [
      tree.statusChanges.subscribe((change) => this.treeSubject.next(change)),
      this.world.changes$.subscribe((change) => {
        if (!watched.has(change.object) || this.world.holding === change.object) return;
        if (change.kind === 'object-moved') {
          this.logger.info({ goal: goal.id, change }, 'the world changed under the plan');
          abort.abort('world-changed');
        } else if (change.kind === 'object-found' && runningAction?.type !== 'observe') {
          // Seen on the way (or again after a search): plan from where it really is.
          this.logger.info({ goal: goal.id, change }, 'found an object of the goal');
          abort.abort('object-found');
        }
      }),
    ];
    const nowS = (): number => this.clock.nowMs() / 1000;
    const timer =
      timeoutAt === undefined
        ? undefined
        : this.clock.setTimeout(Math.max(0, (timeoutAt - nowS()) * 1000), () => abort.abort('timeout'));
    status('plan ready');
    let result: string | undefined;
    try {
      result = await tree.tickWhileRunning({ periodMs: 1000 / this.options.tickHz, signal: abort.signal });
    } catch {
      result = undefined;
    } finally {
      timer?.cancel();
      for (const s of subscriptions) s.unsubscribe();
      tree.dispose();
      this.current = undefined;
    }
    const reason = abort.signal.aborted ? (abort.signal.reason as AbortReason) : undefined;
    if (reason === 'timeout') return { kind: 'timeout' };
    if (reason === 'world-changed') return { kind: 'replan', reason: 'an object of the goal moved', search: false };
    if (reason === 'object-found') return { kind: 'replan', reason: 'an object of the goal was found', search: true };
    if (reason !== undefined) return { kind: 'left' };
    if (result === 'SUCCESS') return { kind: 'done' };
    const message = lastError instanceof Error ? lastError.message : 'the plan failed';
    const search = lastError instanceof StepFailed && / is not in sight at /.test(lastError.message);
    status(`step failed: ${message}`);
    return { kind: 'replan', reason: message, search };
  }

  private finish(goal: Goal, status: 'succeeded' | 'failed', reason?: string): void {
    if (status === 'succeeded') this.queue.succeed(goal.id);
    else this.queue.fail(goal.id, reason ?? 'failed');
    this.logger.info({ goal: goal.id, status, reason }, `goal ${status}`);
    this.ended(goal, status, reason);
  }

  /** Records and reports the end of a goal, whoever ended it. */
  private ended(goal: Goal, status: GoalReport['status'], reason: string | undefined): void {
    this.report(goal, status, reason);
    this.emitStatus({
      goalId: goal.id,
      goalStatus: status,
      plan: [],
      currentStep: -1,
      replans: this.progress.get(goal.id)?.replans ?? 0,
      message: reason ?? status,
    });
  }

  private report(goal: Goal, status: GoalReport['status'], reason: string | undefined): void {
    if (this.reportList.some((r) => r.id === goal.id && r.status === status)) return;
    const p = this.progress.get(goal.id);
    const endedS = this.clock.nowMs() / 1000;
    this.reportList.push({
      id: goal.id,
      status,
      reason,
      startedS: p?.startedS ?? endedS,
      endedS,
      replans: p?.replans ?? 0,
      steps: p?.steps ?? [],
      chargingDetours: p?.chargingDetours ?? 0,
    });
  }

  private checkBattery(): void {
    const fraction = this.world.battery;
    if (fraction === undefined || fraction >= this.options.lowFraction) return;
    const active = this.queue.active;
    if (active?.id.startsWith('recharge-') === true) return;
    if (this.queue.waiting().some((g) => g.id.startsWith('recharge-'))) return;
    this.recharges += 1;
    this.logger.warn({ battery: fraction }, 'battery low: returning to the dock');
    this.queue.submit({
      id: `recharge-${this.recharges}`,
      description: 'battery low: recharge on the nearest dock',
      target: { docked: true, minBatteryFraction: this.options.chargeToFraction },
      priority: RECHARGE_PRIORITY,
    });
  }

  private emitStatus(status: ExecutorStatus): void {
    this.statusSubject.next(status);
  }
}
