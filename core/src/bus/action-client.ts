import type { Subscription } from 'rxjs';
import { QOS_DEFAULT, QOS_LATCHED } from '../qos/qos.js';
import type { ActionClient, ClientGoalHandle, ServiceClient } from './bus-types.js';
import { ActionAbortedError, ActionCanceledError, ActionGoalRejectedError, BusClosedError } from './bus-errors.js';
import {
  actionTypeNames,
  goalStatusFromCode,
  type CancelGoalRequest,
  type CancelGoalResponse,
  type FeedbackMessage,
  type GetResultRequest,
  type GetResultResponse,
  type GoalStatusArrayMessage,
  type SendGoalRequest,
  type SendGoalResponse,
} from './action-wire.js';
import { ClientGoal } from './client-goal.js';
import { goalIdFromMessage, goalIdToMessage, newGoalId } from './goal-id.js';
import { actionEndpointNames } from './hidden-names.js';
import type { Closable, NodeContext } from './node-context.js';
import type { NodeBus } from './node-bus.js';

/**
 * An action client: sends goals through `send_goal`, follows them through the `feedback` and
 * `status` topics and a `get_result` call, and cancels through `cancel_goal`.
 */
export class ActionClientEndpoint<Goal, Feedback, Result> implements ActionClient<Goal, Feedback, Result>, Closable {
  readonly disposeFirst = true;
  readonly node: string;
  private closed = false;
  private readonly goals = new Map<string, ClientGoal<Feedback, Result>>();
  private readonly sendGoalClient: ServiceClient<SendGoalRequest<Goal>, SendGoalResponse>;
  private readonly cancelClient: ServiceClient<CancelGoalRequest, CancelGoalResponse>;
  private readonly resultClient: ServiceClient<GetResultRequest, GetResultResponse<Result>>;
  private readonly listening: Subscription[] = [];

  constructor(
    bus: NodeBus,
    private readonly owner: NodeContext,
    readonly name: string,
    readonly type: string,
  ) {
    this.node = owner.name;
    const names = actionEndpointNames(name);
    const types = actionTypeNames(type);
    owner.runtime.actions.addClient(name, type, this);
    this.sendGoalClient = bus.serviceClient(names.sendGoal, types.sendGoal);
    this.cancelClient = bus.serviceClient(names.cancelGoal, types.cancelGoal);
    this.resultClient = bus.serviceClient(names.getResult, types.getResult);
    this.listening.push(
      bus
        .openTopic<FeedbackMessage<Feedback>>(names.feedback, types.feedback, { qos: QOS_DEFAULT })
        .observe()
        .subscribe((event) =>
          this.goals.get(goalIdFromMessage(event.message.goal_id))?.pushFeedback(event.message.feedback),
        ),
      bus
        .openTopic<GoalStatusArrayMessage>(names.status, types.status, { qos: QOS_LATCHED })
        .observe()
        .subscribe((event) => this.onStatus(event.message)),
    );
    owner.track(this);
  }

  /** True when a server provides the action now. */
  isReady(): boolean {
    return !this.closed && this.sendGoalClient.isReady();
  }

  /** Resolves when a server is there; rejects with `OMNI_ERR_SERVICE_TIMEOUT` after `timeoutMs` of clock time. */
  waitForServer(timeoutMs?: number): Promise<void> {
    return this.sendGoalClient.waitForService(timeoutMs);
  }

  /**
   * Sends a goal. Rejects with `OMNI_ERR_ACTION_GOAL_REJECTED` when the server rejects it and
   * `OMNI_ERR_SERVICE_UNAVAILABLE` when there is no server. The handle's `result` rejects with
   * `OMNI_ERR_ACTION_ABORTED` or `OMNI_ERR_ACTION_CANCELED` when the goal does not succeed.
   */
  async sendGoal(goal: Goal): Promise<ClientGoalHandle<Feedback, Result>> {
    if (this.closed) throw new BusClosedError(`action client '${this.name}'`);
    const goalId = newGoalId();
    const goalIdMessage = goalIdToMessage(goalId);
    // Tracked before sending, so feedback published as soon as the goal starts is not lost.
    const handle = new ClientGoal<Feedback, Result>(goalId, (id) => this.cancelGoal(id));
    this.goals.set(goalId, handle);
    let response: SendGoalResponse;
    try {
      response = await this.sendGoalClient.call({ goal_id: goalIdMessage, goal });
    } catch (error) {
      this.goals.delete(goalId);
      throw error;
    }
    if (!response.accepted) {
      this.goals.delete(goalId);
      throw new ActionGoalRejectedError(this.name, goalId);
    }
    this.resultClient.call({ goal_id: goalIdMessage }).then(
      (result) => this.onResult(handle, result),
      (error: unknown) =>
        this.end(handle, () => handle.fail('aborted', new ActionAbortedError(this.name, goalId, error))),
    );
    return handle;
  }

  /** Stops the client; goals still running reject with `OMNI_ERR_BUS_CLOSED`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const handle of [...this.goals.values()]) {
      this.end(handle, () => handle.fail('aborted', new BusClosedError(`action client '${this.name}'`)));
    }
    for (const subscription of this.listening) subscription.unsubscribe();
    this.sendGoalClient.close();
    this.cancelClient.close();
    this.resultClient.close();
    this.owner.runtime.actions.removeClient(this.name, this);
    this.owner.untrack(this);
  }

  private async cancelGoal(goalId: string): Promise<boolean> {
    if (this.closed) throw new BusClosedError(`action client '${this.name}'`);
    const response = await this.cancelClient.call({
      goal_info: { goal_id: goalIdToMessage(goalId), stamp: { sec: 0, nanosec: 0 } },
    });
    return response.goals_canceling.some((info) => goalIdFromMessage(info.goal_id) === goalId);
  }

  private onStatus(message: GoalStatusArrayMessage): void {
    for (const entry of message.status_list) {
      const handle = this.goals.get(goalIdFromMessage(entry.goal_info.goal_id));
      const status = goalStatusFromCode(entry.status);
      if (handle && status !== 'unknown') handle.updateStatus(status);
    }
  }

  private onResult(handle: ClientGoal<Feedback, Result>, response: GetResultResponse<Result>): void {
    const status = goalStatusFromCode(response.status);
    this.end(handle, () => {
      if (status === 'succeeded') handle.succeed(response.result as Result);
      else if (status === 'canceled') handle.fail('canceled', new ActionCanceledError(this.name, handle.goalId));
      else handle.fail('aborted', new ActionAbortedError(this.name, handle.goalId, response.error));
    });
  }

  private end(handle: ClientGoal<Feedback, Result>, settle: () => void): void {
    this.goals.delete(handle.goalId);
    settle();
  }
}
