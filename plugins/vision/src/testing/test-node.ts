import type { NodeRequest, ParamValueSource } from '@omnimind/core';

/** A node request as a launch file would give it, for starting plugins in-process in tests. */
export function testNode(
  baseDir: string,
  pkg: string,
  plugin: string,
  name: string,
  namespace: string,
  params: Record<string, unknown>,
  remaps: { from: string; to: string }[] = [],
): NodeRequest {
  return {
    pkg,
    plugin,
    name,
    namespace,
    remaps,
    baseDir,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}
