import { ReplaySubject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { ClientGoalHandle, GoalStatus } from './bus-types.js';
import { isTerminalStatus } from './action-wire.js';

/** Feedback messages a goal handle replays to an observer that subscribes late. */
export const FEEDBACK_REPLAY = 16;

/** Client-side state of one goal. */
export class ClientGoal<Feedback, Result> implements ClientGoalHandle<Feedback, Result> {
  status: GoalStatus = 'accepted';
  readonly feedback: Observable<Feedback>;
  readonly result: Promise<Result>;
  private readonly feedbackSubject = new ReplaySubject<Feedback>(FEEDBACK_REPLAY);
  private resolveResult!: (result: Result) => void;
  private rejectResult!: (error: unknown) => void;
  private ended = false;

  constructor(
    readonly goalId: string,
    private readonly requestCancel: (goalId: string) => Promise<boolean>,
  ) {
    this.feedback = this.feedbackSubject.asObservable();
    this.result = new Promise<Result>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
    // A caller that never awaits the result must not get an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /** Asks the server to cancel; true when it accepted. */
  cancel(): Promise<boolean> {
    return this.requestCancel(this.goalId);
  }

  /** @internal A feedback message for this goal arrived. */
  pushFeedback(feedback: Feedback): void {
    if (!this.ended) this.feedbackSubject.next(feedback);
  }

  /** @internal A status update arrived. */
  updateStatus(status: GoalStatus): void {
    if (!this.ended && !isTerminalStatus(this.status)) this.status = status;
  }

  /** @internal The goal ended with a result. */
  succeed(result: Result): void {
    if (this.end('succeeded')) this.resolveResult(result);
  }

  /** @internal The goal ended without a result. */
  fail(status: 'canceled' | 'aborted', error: unknown): void {
    if (this.end(status)) this.rejectResult(error);
  }

  private end(status: GoalStatus): boolean {
    if (this.ended) return false;
    this.ended = true;
    this.status = status;
    this.feedbackSubject.complete();
    return true;
  }
}
