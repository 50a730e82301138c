import { UserInputError } from '../errors/omni-error.js';
import type { NodeSpec } from '../launch/launch-types.js';
import { resolveNodeParams } from '../launch/node-params.js';
import type { ParamLayer } from '../params/param-store.js';
import type { ParamValueSource } from '../params/params.js';
import type { NodeRequest } from '../plugin-host/plugin-host.js';
import type { RestartPolicy } from '../plugin-host/restart-policy.js';
import type { CliParamOverride } from './runtime-types.js';

/**
 * Turns a launch plan's node into what the plugin host needs: its parameter layers (launch file
 * params and param files in ROS 2 order, then command-line overrides) and its restart settings.
 */
export function nodeRequestFromSpec(spec: NodeSpec, overrides: readonly CliParamOverride[]): NodeRequest {
  const launchLayer = new Map<string, ParamValueSource>();
  for (const [name, param] of resolveNodeParams(spec)) {
    launchLayer.set(name, { kind: param.kind, value: param.value, location: param.location });
  }
  return {
    pkg: spec.pkg,
    plugin: spec.plugin,
    name: spec.name,
    namespace: spec.namespace,
    remaps: spec.remaps.map(({ from, to }) => ({ from, to })),
    baseDir: spec.baseDir,
    paramLayers: [launchLayer, cliLayerFor(spec.fullyQualifiedName, overrides)],
    location: spec.location,
    pkgLocation: spec.pkgLocation,
    pluginLocation: spec.pluginLocation,
    ...(spec.respawn ? { restart: restartFromRespawn(spec.respawn) } : {}),
  };
}

/** The command-line overrides that apply to one node; overrides without a node are optional. */
export function cliLayerFor(fullyQualifiedName: string, overrides: readonly CliParamOverride[]): ParamLayer {
  const layer = new Map<string, ParamValueSource>();
  for (const override of overrides) {
    if (override.node === undefined) layer.set(override.name, { kind: 'cli', value: override.value, optional: true });
    else if (matchesNode(override.node, fullyQualifiedName))
      layer.set(override.name, { kind: 'cli', value: override.value });
  }
  return layer;
}

/** Fails when a command-line override names a node that the launch does not start. */
export function checkOverrideTargets(nodes: readonly string[], overrides: readonly CliParamOverride[]): void {
  for (const override of overrides) {
    if (override.node === undefined || nodes.some((n) => matchesNode(override.node as string, n))) continue;
    throw new UserInputError(
      'OMNI_ERR_UNKNOWN_NODE',
      `--param ${override.node}:${override.name}: no node '${override.node}' in this launch; nodes: ${nodes.join(', ') || '(none)'}`,
    );
  }
}

function matchesNode(wanted: string, fullyQualifiedName: string): boolean {
  return wanted === fullyQualifiedName || (!wanted.startsWith('/') && fullyQualifiedName.split('/').pop() === wanted);
}

function restartFromRespawn(respawn: NonNullable<NodeSpec['respawn']>): Partial<RestartPolicy> {
  if (!respawn.enabled) return { mode: 'never' };
  return {
    mode: 'on-failure',
    ...(respawn.delaySec !== undefined ? { initialDelayMs: respawn.delaySec * 1000 } : {}),
    ...(respawn.maxRetries !== undefined ? { maxRetries: respawn.maxRetries } : {}),
  };
}
