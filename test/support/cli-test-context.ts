/**
 * A CliContext for running `omnimind` commands in process: output is captured, signals and
 * process guards are triggered by the test, and a forced exit is recorded instead of happening.
 */
import type { CliContext, GuardedFailure, StopSignal } from '../../core/src/cli/cli-context.js';

export class TestCliContext implements CliContext {
  stdoutText = '';
  stderrText = '';
  readonly stdout = { write: (text: string) => void (this.stdoutText += text) };
  readonly stderr = { write: (text: string) => void (this.stderrText += text) };
  readonly cwd: string;
  readonly pid: number;
  readonly env: Record<string, string | undefined>;
  readonly signalHandlers = new Set<(signal: StopSignal) => void>();
  readonly guards = new Set<(kind: GuardedFailure, error: unknown) => void>();
  readonly exitHooks = new Set<() => void>();
  readonly forcedExits: number[] = [];

  constructor(options: { env?: Record<string, string | undefined>; cwd?: string; pid?: number } = {}) {
    this.env = { PATH: process.env['PATH'], HOME: process.env['HOME'], ...options.env };
    this.cwd = options.cwd ?? process.cwd();
    this.pid = options.pid ?? process.pid;
  }

  onSignal(handler: (signal: StopSignal) => void): () => void {
    this.signalHandlers.add(handler);
    return () => this.signalHandlers.delete(handler);
  }

  installProcessGuards(report: (kind: GuardedFailure, error: unknown) => void): () => void {
    this.guards.add(report);
    return () => this.guards.delete(report);
  }

  onExit(cleanup: () => void): () => void {
    this.exitHooks.add(cleanup);
    return () => this.exitHooks.delete(cleanup);
  }

  forceExit(code: number): void {
    this.forcedExits.push(code);
  }

  /** Delivers a signal the way the process would. */
  signal(signal: StopSignal = 'SIGINT'): void {
    for (const handler of [...this.signalHandlers]) handler(signal);
  }

  /** Simulates plugin code throwing outside any handler. */
  failUncaught(kind: GuardedFailure, error: unknown): void {
    for (const guard of [...this.guards]) guard(kind, error);
  }
}

/** Polls `check` every 10 ms until it holds (fails after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
