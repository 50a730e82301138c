/** Where a command writes text. */
export interface TextOutput {
  write(text: string): void;
}

/** The signals `launch`, `run` and streaming commands react to. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Kinds of failure the last-resort process guards catch. */
export type GuardedFailure = 'uncaughtException' | 'unhandledRejection';

/**
 * Everything a command touches outside itself: output, environment, signals and process exit.
 * The `omnimind` binary uses {@link createNodeCliContext}; tests pass their own to run commands in process.
 */
export interface CliContext {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Pid written into the runtime file of `launch`/`run`. */
  readonly pid: number;
  /** Stream the running system's logs go to (default: the runtime's default, stderr). */
  readonly logDestination?: NodeJS.WritableStream;
  /** Calls `handler` on SIGINT and SIGTERM until the returned function is called. */
  onSignal(handler: (signal: StopSignal) => void): () => void;
  /**
   * Installs handlers that keep the process alive when plugin code throws from a callback or
   * leaves a promise rejection unhandled; they report it instead. Returns the uninstaller.
   */
  installProcessGuards(report: (kind: GuardedFailure, error: unknown) => void): () => void;
  /** Runs `cleanup` synchronously when the process exits, whatever the reason (until removed). */
  onExit(cleanup: () => void): () => void;
  /** Ends the process now with `code`, without waiting for anything (a second Ctrl-C). */
  forceExit(code: number): void;
}

/** The context of the real process: `process.stdout`, `process.env`, real signals and exit. */
export function createNodeCliContext(): CliContext {
  // A closed pipe (`omnimind topic echo x | head -1`) is a normal way to stop reading, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    env: process.env,
    cwd: process.cwd(),
    pid: process.pid,
    logDestination: process.stderr,
    onSignal(handler) {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
    installProcessGuards(report) {
      const onException = (error: unknown): void => report('uncaughtException', error);
      const onRejection = (reason: unknown): void => report('unhandledRejection', reason);
      process.on('uncaughtException', onException);
      process.on('unhandledRejection', onRejection);
      return () => {
        process.off('uncaughtException', onException);
        process.off('unhandledRejection', onRejection);
      };
    },
    onExit(cleanup) {
      process.on('exit', cleanup);
      return () => process.off('exit', cleanup);
    },
    forceExit(code) {
      process.exit(code);
    },
  };
}

/** Waits until stdout and stderr have handed everything written so far to the system, then exits. */
export async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) =>
        new Promise<void>((resolve) => (stream.writableEnded ? resolve() : stream.write('', () => resolve()))),
    ),
  );
  process.exit(code);
}
