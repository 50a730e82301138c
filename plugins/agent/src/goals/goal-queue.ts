import { OmniError } from '@omnimind/core';
import type { Observable } from 'rxjs';
import { BehaviorSubject, Subject } from 'rxjs';
import type { Goal } from './goal-schema.js';
import { parseGoal } from './goal-schema.js';

/** Where a goal is in its life. */
export type GoalStatus = 'queued' | 'active' | 'preempted' | 'succeeded' | 'failed' | 'cancelled';

/** Statuses a goal never leaves. */
export const TERMINAL_STATUSES: ReadonlySet<GoalStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/** A status change. */
export interface GoalStatusEvent {
  readonly goal: Goal;
  readonly status: GoalStatus;
  readonly previous: GoalStatus | undefined;
  /** Why (for preempted, failed, cancelled). */
  readonly reason?: string;
  /** Clock time of the change. */
  readonly at: number;
}

/** A goal and its current status. */
export interface GoalRecord {
  readonly goal: Goal;
  readonly status: GoalStatus;
  readonly reason?: string;
}

/** An operation named a goal id the queue does not hold (or no longer holds as live). */
export class UnknownGoal extends OmniError {
  constructor(id: string, operation: string) {
    super('OMNI_ERR_GOAL_UNKNOWN', `${operation}: no live goal '${id}'`, { details: { id, operation } });
  }
}

/** A goal was submitted with the id of a goal that is still queued or active. */
export class DuplicateGoal extends OmniError {
  constructor(id: string) {
    super('OMNI_ERR_GOAL_DUPLICATE', `goal '${id}' is already queued or active`, { details: { id } });
  }
}

/** Options of {@link GoalQueue}. */
export interface GoalQueueOptions {
  /** Clock for event times and deadlines, seconds (default: wall clock). */
  readonly now?: () => number;
}

/**
 * The robot's goals, one active at a time. Waiting goals are ordered by priority (higher first),
 * then deadline (earlier first, none last), then arrival. A goal arriving with a higher priority than
 * the active one preempts it: the active goal becomes `preempted` and waits to resume in its place
 * in the order. Statuses are reported on {@link GoalQueue.events$} and {@link GoalQueue.snapshot$}.
 *
 * @example
 * const queue = new GoalQueue({ now: () => clock.now() });
 * queue.events$.subscribe((e) => log.info({ goal: e.goal.id, status: e.status }));
 * queue.submit({ id: 'patrol', target: { robotAt: 'door' }, priority: 1 });
 * queue.submit({ id: 'recharge', target: { docked: true, minBatteryFraction: 1 }, priority: 9 }); // preempts
 */
export class GoalQueue {
  readonly #now: () => number;
  readonly #records = new Map<string, { goal: Goal; status: GoalStatus; reason?: string; seq: number }>();
  readonly #events = new Subject<GoalStatusEvent>();
  readonly #snapshot = new BehaviorSubject<readonly GoalRecord[]>([]);
  #active: string | undefined;
  #seq = 0;

  constructor(options: GoalQueueOptions = {}) {
    this.#now = options.now ?? (() => Date.now() / 1000);
  }

  /** Every status change, as it happens. */
  get events$(): Observable<GoalStatusEvent> {
    return this.#events.asObservable();
  }

  /** All goals with their statuses, replayed to new subscribers, after every change. */
  get snapshot$(): Observable<readonly GoalRecord[]> {
    return this.#snapshot.asObservable();
  }

  /** The active goal, if any. */
  get active(): Goal | undefined {
    return this.#active === undefined ? undefined : this.#records.get(this.#active)?.goal;
  }

  /** The status of goal `id`, `undefined` when never submitted. */
  status(id: string): GoalStatus | undefined {
    return this.#records.get(id)?.status;
  }

  /** Goals waiting (queued or preempted), in the order they would run. */
  waiting(): Goal[] {
    return this.#waitingRecords().map((record) => record.goal);
  }

  /**
   * Adds a goal (validated with {@link parseGoal}); activates it when nothing is active, and
   * preempts the active goal when it has a higher priority.
   *
   * @throws {@link InvalidGoal}, {@link DuplicateGoal}.
   */
  submit(input: unknown): Goal {
    const goal = parseGoal(input);
    const existing = this.#records.get(goal.id);
    if (existing !== undefined && !TERMINAL_STATUSES.has(existing.status)) throw new DuplicateGoal(goal.id);
    this.#records.set(goal.id, { goal, status: 'queued', seq: this.#seq++ });
    this.#emit(goal, 'queued', existing?.status);
    const active = this.active;
    if (active !== undefined && goal.priority > active.priority) {
      this.#set(active.id, 'preempted', `preempted by ${goal.id}`);
      this.#active = undefined;
    }
    this.#activateNext();
    this.#publish();
    return goal;
  }

  /** Marks the active goal `id` succeeded and activates the next. */
  succeed(id: string): void {
    this.#finishActive(id, 'succeeded', undefined, 'succeed');
  }

  /** Marks the active goal `id` failed and activates the next. */
  fail(id: string, reason: string): void {
    this.#finishActive(id, 'failed', reason, 'fail');
  }

  /**
   * Cancels a queued, preempted or active goal; cancelling the active one activates the next.
   *
   * @throws {@link UnknownGoal} when `id` is not live.
   */
  cancel(id: string, reason = 'cancelled'): void {
    const record = this.#records.get(id);
    if (record === undefined || TERMINAL_STATUSES.has(record.status)) throw new UnknownGoal(id, 'cancel');
    this.#set(id, 'cancelled', reason);
    if (this.#active === id) {
      this.#active = undefined;
      this.#activateNext();
    }
    this.#publish();
  }

  /** Fails every live goal whose deadline is before `now` (default: the clock); returns their ids. */
  expireOverdue(now = this.#now()): string[] {
    const overdue: string[] = [];
    for (const [id, record] of this.#records) {
      if (TERMINAL_STATUSES.has(record.status) || record.goal.deadline === undefined) continue;
      if (record.goal.deadline < now) overdue.push(id);
    }
    for (const id of overdue) {
      this.#set(id, 'failed', 'deadline passed');
      if (this.#active === id) this.#active = undefined;
    }
    if (overdue.length > 0) {
      this.#activateNext();
      this.#publish();
    }
    return overdue;
  }

  /** All goals with their statuses. */
  records(): GoalRecord[] {
    return [...this.#records.values()].map(({ goal, status, reason }) =>
      reason === undefined ? { goal, status } : { goal, status, reason },
    );
  }

  /** Completes the streams. */
  close(): void {
    this.#events.complete();
    this.#snapshot.complete();
  }

  #finishActive(id: string, status: 'succeeded' | 'failed', reason: string | undefined, operation: string): void {
    if (this.#active !== id) throw new UnknownGoal(id, `${operation} (not the active goal)`);
    this.#set(id, status, reason);
    this.#active = undefined;
    this.#activateNext();
    this.#publish();
  }

  #waitingRecords(): { goal: Goal; status: GoalStatus; seq: number }[] {
    return [...this.#records.values()]
      .filter((record) => record.status === 'queued' || record.status === 'preempted')
      .sort(
        (a, b) =>
          b.goal.priority - a.goal.priority ||
          (a.goal.deadline ?? Infinity) - (b.goal.deadline ?? Infinity) ||
          a.seq - b.seq,
      );
  }

  #activateNext(): void {
    if (this.#active !== undefined) return;
    const next = this.#waitingRecords()[0];
    if (next === undefined) return;
    this.#active = next.goal.id;
    this.#set(next.goal.id, 'active');
  }

  #set(id: string, status: GoalStatus, reason?: string): void {
    const record = this.#records.get(id);
    if (record === undefined) return;
    const previous = record.status;
    record.status = status;
    if (reason === undefined) delete record.reason;
    else record.reason = reason;
    this.#emit(record.goal, status, previous, reason);
  }

  #emit(goal: Goal, status: GoalStatus, previous: GoalStatus | undefined, reason?: string): void {
    const event: GoalStatusEvent = {
      goal,
      status,
      previous,
      at: this.#now(),
      ...(reason === undefined ? {} : { reason }),
    };
    this.#events.next(event);
  }

  #publish(): void {
    this.#snapshot.next(this.records());
  }
}
