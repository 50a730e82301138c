import { QOS_DEFAULT, QOS_LATCHED } from '../qos/qos.js';
import type { ActionServer, ActionServerOptions, ServiceServer } from './bus-types.js';
import { BusClosedError } from './bus-errors.js';
import {
  CANCEL_RETURN,
  GOAL_STATUS_CODE,
  actionTypeNames,
  type CancelGoalRequest,
  type CancelGoalResponse,
  type FeedbackMessage,
  type GetResultRequest,
  type GetResultResponse,
  type GoalInfoMessage,
  type GoalStatusArrayMessage,
  type SendGoalRequest,
  type SendGoalResponse,
} from './action-wire.js';
import { ZERO_GOAL_ID, goalIdFromMessage, goalIdToMessage } from './goal-id.js';
import { actionEndpointNames } from './hidden-names.js';
import type { Closable, NodeContext } from './node-context.js';
import type { NodeBus } from './node-bus.js';
import { ServerGoal } from './server-goal.js';
import type { TopicHandle } from './topic-handle.js';

/** How many ended goals the server remembers for late `get_result` requests and the status array. */
const KEPT_TERMINAL_GOALS = 256;

/**
 * An action server in the ROS 2 model: `send_goal`, `cancel_goal` and `get_result` services plus
 * `feedback` and (latched) `status` topics, all hidden under `<action>/_action/`. An accepted goal
 * starts executing right away; goals run concurrently.
 */
export class ActionServerEndpoint<Goal, Feedback, Result> implements ActionServer, Closable {
  readonly disposeFirst = true;
  readonly node: string;
  private closed = false;
  private readonly goals = new Map<string, ServerGoal<Goal, Feedback, Result>>();
  private readonly services: ServiceServer[] = [];
  private readonly feedbackTopic: TopicHandle<FeedbackMessage<Feedback>>;
  private readonly statusTopic: TopicHandle<GoalStatusArrayMessage>;

  constructor(
    bus: NodeBus,
    private readonly owner: NodeContext,
    readonly name: string,
    readonly type: string,
    private readonly options: ActionServerOptions<Goal, Feedback, Result>,
  ) {
    this.node = owner.name;
    const names = actionEndpointNames(name);
    const types = actionTypeNames(type);
    owner.runtime.actions.addServer(name, type, this);
    try {
      this.services.push(
        bus.serviceServer(names.sendGoal, types.sendGoal, (req: SendGoalRequest<Goal>) => this.onSendGoal(req)),
        bus.serviceServer(names.cancelGoal, types.cancelGoal, (req: CancelGoalRequest) => this.onCancelGoal(req)),
        bus.serviceServer(names.getResult, types.getResult, (req: GetResultRequest) => this.onGetResult(req)),
      );
      this.feedbackTopic = bus.openTopic(names.feedback, types.feedback, { qos: QOS_DEFAULT });
      this.statusTopic = bus.openTopic(names.status, types.status, { qos: QOS_LATCHED });
    } catch (error) {
      for (const service of this.services) service.close();
      owner.runtime.actions.removeServer(name, this);
      throw error;
    }
    owner.track(this);
  }

  /** Stops serving: running goals end as aborted (their signal aborts) and clients are told so. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const goal of this.goals.values()) {
      if (goal.finish('aborted', undefined, new BusClosedError(`action server '${this.name}'`))) {
        goal.controller.abort(new BusClosedError(`action server '${this.name}'`));
      }
    }
    this.publishStatus();
    for (const service of this.services) service.close();
    this.feedbackTopic.release();
    this.statusTopic.release();
    this.owner.runtime.actions.removeServer(this.name, this);
    this.owner.untrack(this);
  }

  private async onSendGoal(request: SendGoalRequest<Goal>): Promise<SendGoalResponse> {
    const goalId = goalIdFromMessage(request.goal_id);
    const accepted = !this.goals.has(goalId) && (this.options.onGoal ? await this.options.onGoal(request.goal) : true);
    const stamp = this.owner.clock.now();
    if (!accepted || this.closed) return { accepted: false, stamp };
    const goal = new ServerGoal<Goal, Feedback, Result>(goalId, request.goal, stamp, (g, feedback) =>
      this.feedbackTopic.publish({ goal_id: goalIdToMessage(g.goalId), feedback }),
    );
    this.goals.set(goalId, goal);
    this.publishStatus();
    queueMicrotask(() => void this.run(goal));
    return { accepted: true, stamp };
  }

  private async run(goal: ServerGoal<Goal, Feedback, Result>): Promise<void> {
    if (goal.terminal || this.closed) return;
    if (goal.status === 'accepted') {
      goal.status = 'executing';
      this.publishStatus();
    }
    let ended: boolean;
    try {
      const result = await this.options.execute(goal);
      ended = goal.finish(goal.cancelRequested ? 'canceled' : 'succeeded', result);
    } catch (error) {
      ended = goal.finish(goal.cancelRequested ? 'canceled' : 'aborted', undefined, error);
    }
    if (ended && !this.closed) {
      this.publishStatus();
      this.forgetOldGoals();
    }
  }

  private async onCancelGoal(request: CancelGoalRequest): Promise<CancelGoalResponse> {
    const goalId = goalIdFromMessage(request.goal_info.goal_id);
    let targets: ServerGoal<Goal, Feedback, Result>[];
    if (goalId === ZERO_GOAL_ID) {
      targets = [...this.goals.values()].filter((g) => !g.terminal);
    } else {
      const goal = this.goals.get(goalId);
      if (!goal) return { return_code: CANCEL_RETURN.ERROR_UNKNOWN_GOAL_ID, goals_canceling: [] };
      if (goal.terminal) return { return_code: CANCEL_RETURN.ERROR_GOAL_TERMINATED, goals_canceling: [] };
      targets = [goal];
    }
    const canceling: GoalInfoMessage[] = [];
    for (const goal of targets) {
      const accept = goal.cancelRequested || (this.options.onCancel ? await this.options.onCancel(goal) : true);
      if (!accept || goal.terminal) continue;
      if (!goal.cancelRequested) {
        goal.cancelRequested = true;
        goal.status = 'canceling';
        goal.controller.abort(new Error('goal cancellation was requested'));
      }
      canceling.push({ goal_id: goalIdToMessage(goal.goalId), stamp: goal.stamp });
    }
    if (canceling.length > 0) this.publishStatus();
    return {
      return_code:
        canceling.length > 0 || targets.length === 0 ? CANCEL_RETURN.ERROR_NONE : CANCEL_RETURN.ERROR_REJECTED,
      goals_canceling: canceling,
    };
  }

  private async onGetResult(request: GetResultRequest): Promise<GetResultResponse<Result>> {
    const goal = this.goals.get(goalIdFromMessage(request.goal_id));
    if (!goal) return { status: GOAL_STATUS_CODE.unknown };
    await goal.done;
    return { status: GOAL_STATUS_CODE[goal.status], result: goal.result, error: goal.error };
  }

  private publishStatus(): void {
    const statusList = [...this.goals.values()].map((goal) => ({
      goal_info: { goal_id: goalIdToMessage(goal.goalId), stamp: goal.stamp },
      status: GOAL_STATUS_CODE[goal.status],
    }));
    this.statusTopic.publish({ status_list: statusList });
  }

  private forgetOldGoals(): void {
    let terminal = 0;
    for (const goal of this.goals.values()) if (goal.terminal) terminal++;
    for (const [id, goal] of this.goals) {
      if (terminal <= KEPT_TERMINAL_GOALS) break;
      if (goal.terminal) {
        this.goals.delete(id);
        terminal--;
      }
    }
  }
}
