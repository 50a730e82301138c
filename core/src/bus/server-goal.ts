import type { Time } from '../time/time.js';
import type { GoalStatus, ServerGoalHandle } from './bus-types.js';
import { isTerminalStatus } from './action-wire.js';

/** Server-side state of one goal. */
export class ServerGoal<Goal, Feedback, Result> implements ServerGoalHandle<Goal, Feedback> {
  status: GoalStatus = 'accepted';
  /** True once a cancel request for this goal was accepted. */
  cancelRequested = false;
  result: Result | undefined;
  error: unknown;
  readonly controller = new AbortController();
  /** Resolves when the goal reaches a terminal status. */
  readonly done: Promise<void>;
  private markDone!: () => void;

  constructor(
    readonly goalId: string,
    readonly goal: Goal,
    readonly stamp: Time,
    private readonly sendFeedback: (goal: ServerGoal<Goal, Feedback, Result>, feedback: Feedback) => void,
  ) {
    this.done = new Promise<void>((resolve) => (this.markDone = resolve));
  }

  /** Aborts when a cancel request was accepted or the server shuts down. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once succeeded, canceled or aborted. */
  get terminal(): boolean {
    return isTerminalStatus(this.status);
  }

  /** Publishes feedback for this goal (ignored once the goal has ended). */
  publishFeedback(feedback: Feedback): void {
    if (!this.terminal) this.sendFeedback(this, feedback);
  }

  /** Moves to a terminal status once; later calls are ignored. */
  finish(status: 'succeeded' | 'canceled' | 'aborted', result?: Result, error?: unknown): boolean {
    if (this.terminal) return false;
    this.status = status;
    this.result = result;
    this.error = error;
    this.markDone();
    return true;
  }
}
