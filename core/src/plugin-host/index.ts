export { definePlugin, isPluginDefinition } from './define-plugin.js';
export type { DefinedPlugin, HookName, ParamChangeVerdict, PluginDefinition } from './define-plugin.js';
export type { PluginContext } from './plugin-context.js';
export {
  InvalidTransitionError,
  STATE_IDS,
  TRANSITIONS,
  TRANSITION_IDS,
  allowedTransitions,
  isTransitionLabel,
} from './lifecycle.js';
export type { LifecycleEvent, LifecycleStateLabel, LifecycleTransitionLabel, PrimaryState } from './lifecycle.js';
export { DEFAULT_RESTART_POLICY, restartDelayMs } from './restart-policy.js';
export type { RestartPolicy } from './restart-policy.js';
export { PluginHost, CORE_VERSION, DuplicateNodeError, IncompatibleCoreError } from './plugin-host.js';
export type { NodeRequest, PluginHostOptions } from './plugin-host.js';
export { PluginInstance } from './plugin-instance.js';
export { PluginCrashError, PluginHookError, PluginHookTimeoutError, UnknownNodeError } from './plugin-errors.js';
export { PluginNotFoundError, UnknownPluginError, loadPluginModule, pickPlugin } from './plugin-loader.js';
export { DependencyCycleError, MissingDependencyError, dependencyOrder } from './dependency-order.js';
export { busOpener, createInProcessHost } from './in-process-host.js';
export type { InProcessHost } from './in-process-host.js';
