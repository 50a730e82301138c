import { OmniError } from '../errors/omni-error.js';

/** A lifecycle hook threw or rejected; `cause` holds the plugin's error. */
export class PluginHookError extends OmniError {
  constructor(node: string, hook: string, cause: unknown) {
    super('OMNI_ERR_PLUGIN_HOOK', `plugin node '${node}' failed in ${hook}: ${messageOf(cause)}`, {
      cause,
      details: { node, hook },
    });
  }
}

/** A lifecycle hook did not settle within its timeout. */
export class PluginHookTimeoutError extends OmniError {
  constructor(node: string, hook: string, timeoutMs: number) {
    super('OMNI_ERR_PLUGIN_HOOK_TIMEOUT', `plugin node '${node}' did not finish ${hook} within ${timeoutMs} ms`, {
      details: { node, hook, timeoutMs },
    });
  }
}

/** A plugin's handler (message, timer, subscription) threw while the node was running. */
export class PluginCrashError extends OmniError {
  constructor(node: string, where: string, cause: unknown) {
    super('OMNI_ERR_PLUGIN_CRASH', `plugin node '${node}' crashed in ${where}: ${messageOf(cause)}`, {
      cause,
      details: { node, where },
    });
  }
}

/** A node name that no running plugin instance has. */
export class UnknownNodeError extends OmniError {
  constructor(node: string, known: readonly string[]) {
    super('OMNI_ERR_UNKNOWN_NODE', `no node '${node}'; running nodes: ${known.join(', ') || '(none)'}`, {
      details: { node, known },
    });
  }
}

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
