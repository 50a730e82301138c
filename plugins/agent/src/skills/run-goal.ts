import type { ActionClient, ClientGoalHandle } from '@omnimind/core';
import { SkillCancelled, SkillFailed } from './skill-errors.js';

/** How {@link runGoal} runs one action goal. */
export interface RunGoalOptions<Feedback> {
  readonly signal?: AbortSignal | undefined;
  readonly onFeedback?: ((feedback: Feedback) => void) | undefined;
  /** How long to wait for the action server, in clock milliseconds. */
  readonly serverTimeoutMs: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function cancelAndSettle<F, R>(handle: ClientGoalHandle<F, R>): Promise<void> {
  try {
    // Waiting for the goal to end means that, when the skill rejects, the server has really stopped.
    if (await handle.cancel()) await handle.result.catch(() => undefined);
  } catch {
    // A goal that ended while the cancel was on its way needs nothing more.
  }
}

/**
 * Sends one goal on `client` and resolves with its result. An abort of `signal` cancels the goal
 * (waiting until the server has ended it) and rejects with {@link SkillCancelled}; a missing server,
 * a rejected goal or an aborted goal rejects with {@link SkillFailed} carrying the cause.
 */
export async function runGoal<Goal, Feedback, Result>(
  skill: string,
  client: ActionClient<Goal, Feedback, Result>,
  goal: Goal,
  options: RunGoalOptions<Feedback>,
): Promise<Result> {
  const { signal } = options;
  if (signal?.aborted) throw new SkillCancelled(skill, signal.reason);
  try {
    await client.waitForServer(options.serverTimeoutMs);
  } catch (error) {
    throw new SkillFailed(skill, `no server for action ${client.name}`, { cause: error });
  }
  if (signal?.aborted) throw new SkillCancelled(skill, signal.reason);
  let handle: ClientGoalHandle<Feedback, Result>;
  try {
    handle = await client.sendGoal(goal);
  } catch (error) {
    throw new SkillFailed(skill, describe(error), { cause: error });
  }
  if (signal?.aborted) {
    await cancelAndSettle(handle);
    throw new SkillCancelled(skill, signal.reason);
  }
  const feedback = handle.feedback.subscribe((f) => options.onFeedback?.(f));
  let onAbort = (): void => undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => void cancelAndSettle(handle).finally(() => reject(new SkillCancelled(skill, signal?.reason)));
  });
  cancelled.catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([
      handle.result.catch((error: unknown) => {
        if (signal?.aborted) return cancelled;
        throw new SkillFailed(skill, describe(error), { cause: error });
      }),
      cancelled,
    ]);
  } finally {
    feedback.unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}
