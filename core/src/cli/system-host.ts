import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { startControlServer, type ControlServer, type ControlServerOptions } from '../control/control-server.js';
import { describeTarget, isLoopbackHost } from '../control/control-target.js';
import { defaultRunDir, writeRuntimeFile, type RuntimeFile } from '../control/runtime-file.js';
import type { RunningSystem } from '../runtime/runtime-types.js';
import type { ControlAddress } from './argument-parsers.js';
import { CLI_ERROR_CODES, CliUsageError } from './cli-errors.js';
import type { CommandEnv } from './command-env.js';
import { describeFailure, reportError } from './error-report.js';
import { EXIT_CODES, exitCodeForError } from './exit-codes.js';

/** How `launch` and `run` keep a system running. */
export interface HostOptions {
  /** What is running, for the runtime file: the launch file path or `run <pkg> <plugin>`. */
  readonly description: string;
  /** Where the control endpoint listens (default: 127.0.0.1, ephemeral port). */
  readonly control?: ControlAddress;
  /** Stop after this many wall-clock seconds. */
  readonly durationS?: number;
  /** Stop once the system clock (sim time when used) reaches this many seconds. */
  readonly untilS?: number;
  /** `performance.now()` when the command started, for the start-up time in the ready line. */
  readonly startedAtMs: number;
}

type Outcome = { kind: 'stop'; reason: string } | { kind: 'done' } | { kind: 'failed'; error: unknown };

/**
 * Starts a system, serves its control endpoint, writes the runtime file, prints the ready line,
 * and waits for a signal, `--duration`, `--until` or the system ending on its own; then shuts it
 * down and cleans up. A first SIGINT/SIGTERM shuts down in order (exit 0); a second exits at once (130).
 * Returns the exit code.
 */
export async function hostSystem(
  env: CommandEnv,
  start: () => Promise<RunningSystem>,
  options: HostOptions,
): Promise<number> {
  const { ctx } = env;
  const serverOptions = controlServerOptions(env, options.control);
  let requestStop: (reason: string) => void = () => undefined;
  const stopRequested = new Promise<Outcome>((resolveStop) => {
    requestStop = (reason) => resolveStop({ kind: 'stop', reason });
  });
  let signals = 0;
  const removeSignalHandler = ctx.onSignal((signal) => {
    signals += 1;
    if (signals === 1) {
      ctx.stderr.write(`omnimind: ${signal} received, shutting down (send it again to exit at once)\n`);
      requestStop(signal);
      return;
    }
    ctx.stderr.write(`omnimind: ${signal} received again, exiting without finishing the shutdown\n`);
    ctx.forceExit(EXIT_CODES.interrupted);
  });
  const removeGuards = ctx.installProcessGuards((kind, error) => {
    ctx.stderr.write(`omnimind: ${kind} caught and kept running: ${describeFailure(error)}\n`);
  });
  try {
    let system: RunningSystem;
    try {
      system = await start();
    } catch (error) {
      reportError(ctx, error);
      return exitCodeForError(error);
    }
    return await serve(env, system, serverOptions, options, stopRequested, requestStop);
  } finally {
    removeGuards();
    removeSignalHandler();
  }
}

async function serve(
  env: CommandEnv,
  system: RunningSystem,
  serverOptions: ControlServerOptions,
  options: HostOptions,
  stopRequested: Promise<Outcome>,
  requestStop: (reason: string) => void,
): Promise<number> {
  const { ctx } = env;
  let endpoint: ControlEndpoint;
  try {
    endpoint = await openControlEndpoint(env, system, serverOptions, options.description);
  } catch (error) {
    reportError(ctx, error);
    await system.shutdown().catch((shutdownError: unknown) => reportError(ctx, shutdownError));
    return exitCodeForError(error);
  }
  const { server, runtimeFile, removeExitHook } = endpoint;

  const active = system.control.nodes().filter((node) => node.state === 'active').length;
  const elapsed = Math.round(performance.now() - options.startedAtMs);
  ctx.stderr.write(
    `omnimind: ready: ${active} active node${active === 1 ? '' : 's'} in ${elapsed} ms ` +
      `(pid ${ctx.pid}, control ${describeTarget(server)})\n`,
  );

  const stopTimers = armStopTimers(system, options, requestStop);
  const outcome = await Promise.race<Outcome>([
    stopRequested,
    system.done.then(
      (): Outcome => ({ kind: 'done' }),
      (error: unknown): Outcome => ({ kind: 'failed', error }),
    ),
  ]);
  stopTimers();

  let code: number = EXIT_CODES.ok;
  if (outcome.kind === 'failed') {
    reportError(ctx, outcome.error);
    code = EXIT_CODES.failure;
  } else if (outcome.kind === 'done') {
    ctx.stderr.write('omnimind: the system shut down\n');
  } else if (!outcome.reason.startsWith('SIG')) {
    ctx.stderr.write(`omnimind: ${outcome.reason}, shutting down\n`);
  }
  try {
    await system.shutdown();
  } catch (error) {
    reportError(ctx, error);
    code = EXIT_CODES.failure;
  }
  await server.close();
  runtimeFile.remove();
  removeExitHook();
  ctx.stderr.write('omnimind: stopped\n');
  return code;
}

interface ControlEndpoint {
  readonly server: ControlServer;
  readonly runtimeFile: RuntimeFile;
  readonly removeExitHook: () => void;
}

/** Serves the control endpoint and announces it in the run directory (removed again at exit). */
async function openControlEndpoint(
  env: CommandEnv,
  system: RunningSystem,
  serverOptions: ControlServerOptions,
  description: string,
): Promise<ControlEndpoint> {
  const { ctx } = env;
  const server = await startControlServer(system.control, {
    ...serverOptions,
    onError: (error) => ctx.stderr.write(`omnimind: control endpoint: ${describeFailure(error)}\n`),
  });
  try {
    const runtimeFile = writeRuntimeFile(defaultRunDir(ctx.env), {
      version: 1,
      pid: ctx.pid,
      ...(server.socketPath !== undefined ? { socketPath: server.socketPath } : { url: server.url }),
      token: server.token,
      launchFile: description,
      startedAt: system.control.info().startedAt,
    });
    return { server, runtimeFile, removeExitHook: ctx.onExit(() => runtimeFile.remove()) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function armStopTimers(system: RunningSystem, options: HostOptions, requestStop: (reason: string) => void): () => void {
  const cancels: (() => void)[] = [];
  if (options.durationS !== undefined) {
    const seconds = options.durationS;
    const timer = setTimeout(() => requestStop(`--duration ${seconds} s elapsed`), seconds * 1000);
    cancels.push(() => clearTimeout(timer));
  }
  if (options.untilS !== undefined) {
    const seconds = options.untilS;
    const delay = Math.max(0, seconds * 1000 - system.clock.nowMs());
    const timer = system.clock.setTimeout(delay, () => requestStop(`clock reached ${seconds} s (--until)`));
    cancels.push(() => timer.cancel());
  }
  return () => cancels.forEach((cancel) => cancel());
}

function controlServerOptions(env: CommandEnv, address: ControlAddress | undefined): ControlServerOptions {
  const token = env.ctx.env['OMNIMIND_CONTROL_TOKEN'];
  const withToken = token !== undefined && token !== '' ? { token } : {};
  if (address === undefined) return withToken;
  if (address.kind === 'socket') return { ...withToken, socketPath: resolve(env.ctx.cwd, address.path) };
  if (!isLoopbackHost(address.host) && withToken.token === undefined) {
    throw new CliUsageError(
      CLI_ERROR_CODES.usage,
      `--control ${address.host}:${address.port} is reachable from other machines; set OMNIMIND_CONTROL_TOKEN ` +
        'to a secret of at least 16 characters to allow it',
      { file: '<--control>', line: 1, col: 1 },
    );
  }
  return { ...withToken, host: address.host, port: address.port };
}
