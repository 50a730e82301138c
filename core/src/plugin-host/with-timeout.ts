import { PluginHookTimeoutError } from './plugin-errors.js';

/**
 * Awaits `work` for at most `timeoutMs` of wall time. Hook timeouts use wall time on purpose:
 * a paused simulation must not make a hung hook look healthy.
 */
export async function withTimeout<T>(
  work: () => T | Promise<T>,
  timeoutMs: number,
  node: string,
  hook: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginHookTimeoutError(node, hook, timeoutMs)), timeoutMs);
    timer.unref?.();
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
