import type { RunningSystem, StartOptions } from '../runtime/runtime-types.js';
import type { CliContext } from './cli-context.js';
import type { DoctorProbes } from './doctor-probes.js';
import type { DiscoveredCommand } from './cli-extensions.js';

/** Options of a single-plugin start (`omnimind run`). */
export type SinglePluginStartOptions = StartOptions & {
  readonly name?: string;
  readonly namespace?: string;
  readonly remaps?: readonly { readonly from: string; readonly to: string }[];
};

/** Starts a system from a launch file. */
export type StartLaunchFn = (file: string, options: StartOptions) => Promise<RunningSystem>;

/** Starts a system of one plugin instance. */
export type StartSinglePluginFn = (
  pkg: string,
  plugin: string,
  options: SinglePluginStartOptions,
) => Promise<RunningSystem>;

/**
 * What the CLI uses that lives outside it. Each field defaults to the real thing (the runtime
 * module is loaded only by the commands that start a system); tests and embedders may replace them.
 */
export interface CliDependencies {
  readonly startLaunch?: StartLaunchFn;
  readonly startSinglePlugin?: StartSinglePluginFn;
  /** Overrides of what `omnimind doctor` inspects. */
  readonly doctor?: Partial<DoctorProbes>;
  /** Extension commands to offer instead of those discovered in installed packages. */
  readonly extensionCommands?: readonly DiscoveredCommand[];
}

/** Shared by every command while the CLI runs. */
export interface CommandEnv {
  readonly ctx: CliContext;
  readonly deps: CliDependencies;
  /** Records the exit code of the command that ran. */
  setExitCode(code: number): void;
}

/** A command's outcome: an exit code, or nothing for success. */
export type CommandResult = number | void;

/**
 * Wraps a command body as a commander action that records its exit code. Errors propagate to
 * the runner, which prints them and picks the exit code.
 */
export function action<A extends unknown[]>(
  env: CommandEnv,
  body: (...args: A) => Promise<CommandResult>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const code = await body(...args);
    env.setExitCode(code ?? 0);
  };
}

interface RuntimeModule {
  readonly startLaunch?: StartLaunchFn;
  readonly startSinglePlugin?: StartSinglePluginFn;
}

/** Loads the runtime module on first use, so `--help` and client commands never load it. */
export async function loadRuntime(): Promise<{ startLaunch: StartLaunchFn; startSinglePlugin: StartSinglePluginFn }> {
  // A specifier in a variable keeps the compiler from requiring the module at build time.
  const specifier = '../runtime/index.js';
  const runtime = (await import(specifier)) as RuntimeModule;
  if (typeof runtime.startLaunch !== 'function' || typeof runtime.startSinglePlugin !== 'function') {
    throw new Error('the OmniMind runtime module does not provide startLaunch and startSinglePlugin');
  }
  return { startLaunch: runtime.startLaunch, startSinglePlugin: runtime.startSinglePlugin };
}
