import type { z } from 'zod';
import { OmniError } from '../errors/omni-error.js';
import type { PluginContext } from './plugin-context.js';
import type { ParamChange } from '../params/params.js';
import type { RestartPolicy } from './restart-policy.js';

/** Names of the lifecycle hooks that run under a timeout. */
export type HookName = 'configure' | 'activate' | 'deactivate' | 'cleanup' | 'shutdown' | 'onError';

/** Outcome of a parameter-change validation hook. */
export type ParamChangeVerdict = { readonly accept: true } | { readonly accept: false; readonly reason: string };

/**
 * A plugin: declared once, run as any number of named instances. Hooks follow ROS 2's managed
 * node: `configure` (unconfigured → inactive) builds the instance state, `activate` /
 * `deactivate` start and stop its work, `cleanup` releases what `configure` built.
 *
 * @typeParam Schema - zod object schema of the parameters.
 * @typeParam State - per-instance state returned by `configure` and handed to the other hooks.
 *
 * @example
 * ```ts
 * export const heartbeat = definePlugin({
 *   name: 'heartbeat',
 *   version: '1.0.0',
 *   coreRange: '^0.1.0',
 *   params: z.object({ rate_hz: z.number().positive().default(1) }),
 *   configure: (ctx) => ({ topic: ctx.bus.topic('heartbeat', 'omnimind_msgs/msg/Heartbeat') }),
 *   activate: (ctx, state) => {
 *     ctx.createTimer(1000 / ctx.params.values.rate_hz, () => state.topic.publish(...));
 *   },
 * });
 * ```
 */
export interface PluginDefinition<Schema extends z.ZodObject = z.ZodObject, State = unknown> {
  /** Name used in launch files (`plugin:`); unique within its package. */
  readonly name: string;
  /** Semantic version of the plugin. */
  readonly version: string;
  /** semver range of @omnimind/core this plugin works with, checked at load. */
  readonly coreRange: string;
  readonly description?: string;
  /** Parameter schema; defaults come from it. Omit for a plugin without parameters. */
  readonly params?: Schema;
  /** Capabilities (or plugin names) that must be provided by other instances in the same launch. */
  readonly dependsOn?: readonly string[];
  /** Capabilities this plugin offers to others (token descriptions for `ctx.provide`). */
  readonly provides?: readonly string[];
  /** What to do after a crash (default: restart on failure, 5 retries, exponential backoff). */
  readonly restart?: Partial<RestartPolicy>;
  /** Per-hook timeouts in wall-clock milliseconds (defaults: 10 s; 5 s for deactivate/cleanup/shutdown). */
  readonly timeouts?: Partial<Record<HookName, number>>;
  /**
   * Checks, before anything in the launch starts, what the parameters refer to (files, names),
   * and throws a `UserInputError` (with `file:line:col` where there is one) when something is
   * wrong, so that a bad input file stops the whole launch with nothing started.
   */
  validate?(params: z.infer<Schema>, node: { readonly name: string; readonly baseDir: string }): void | Promise<void>;
  configure(ctx: PluginContext<z.infer<Schema>>): State | Promise<State>;
  activate?(ctx: PluginContext<z.infer<Schema>>, state: State): void | Promise<void>;
  deactivate?(ctx: PluginContext<z.infer<Schema>>, state: State): void | Promise<void>;
  cleanup?(ctx: PluginContext<z.infer<Schema>>, state: State): void | Promise<void>;
  /** Last chance to release external resources before the instance is finalized. */
  shutdown?(ctx: PluginContext<z.infer<Schema>>, state: State | undefined): void | Promise<void>;
  /** Error processing: return normally to recover (→ unconfigured), throw to finalize. */
  onError?(ctx: PluginContext<z.infer<Schema>>, state: State | undefined, error: unknown): void | Promise<void>;
  /** Validates a runtime parameter change after the schema accepted it; may reject with a reason. */
  onParamChange?(
    ctx: PluginContext<z.infer<Schema>>,
    state: State | undefined,
    change: ParamChange,
  ): ParamChangeVerdict | Promise<ParamChangeVerdict>;
}

const PLUGIN_BRAND = Symbol.for('omnimind.plugin');

/** A definition returned by {@link definePlugin}, recognisable when a module is loaded. */
export type DefinedPlugin<Schema extends z.ZodObject = z.ZodObject, State = unknown> = PluginDefinition<
  Schema,
  State
> & { readonly [PLUGIN_BRAND]: true };

/** Declares a plugin. Checks the declaration's shape at once, so mistakes surface at import. */
export function definePlugin<Schema extends z.ZodObject, State>(
  definition: PluginDefinition<Schema, State>,
): DefinedPlugin<Schema, State> {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_-]*$/.test(definition.name ?? '')) {
    problems.push(`name '${String(definition.name)}' must be lower-case letters, digits, '_' or '-'`);
  }
  if (typeof definition.version !== 'string' || definition.version === '') problems.push('version is required');
  if (typeof definition.coreRange !== 'string' || definition.coreRange === '') problems.push('coreRange is required');
  if (typeof definition.configure !== 'function') problems.push('configure(ctx) is required');
  if (problems.length > 0) {
    throw new OmniError('OMNI_ERR_PLUGIN_DEFINITION', `invalid plugin definition: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  return Object.freeze({ ...definition, [PLUGIN_BRAND]: true as const });
}

/** True for values made by {@link definePlugin}. */
export function isPluginDefinition(value: unknown): value is DefinedPlugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}
