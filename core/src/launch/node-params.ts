import type { SourceLocation } from '../errors/omni-error.js';
import { paramsForNode } from '../params/param-file-match.js';
import type { ParamValue } from '../params/param-file-types.js';
import type { NodeSpec } from './launch-types.js';

/** A parameter value a launch file gives a node, and whether it came from a file or inline. */
export interface ResolvedNodeParam {
  readonly value: ParamValue;
  readonly location: SourceLocation;
  /** `file` for a `{from: file}` entry, `launch` for an inline `{name, value}`. */
  readonly kind: 'file' | 'launch';
}

/**
 * Merges a node's parameter files and inline parameters the way ROS 2 applies them: in the order of
 * the node's `param` list, a later entry overriding an earlier one; inside each file the matching
 * blocks apply as {@link paramsForNode} describes.
 */
export function resolveNodeParams(
  node: Pick<NodeSpec, 'params' | 'paramFiles' | 'fullyQualifiedName'>,
): Map<string, ResolvedNodeParam> {
  const steps = [
    ...node.params.map((p) => ({
      order: p.order,
      apply: (out: Map<string, ResolvedNodeParam>) =>
        out.set(p.name, { value: p.value, location: p.location, kind: 'launch' }),
    })),
    ...node.paramFiles.map((f) => ({
      order: f.order,
      apply: (out: Map<string, ResolvedNodeParam>) => {
        for (const [name, p] of paramsForNode([f.contents], node.fullyQualifiedName))
          out.set(name, { ...p, kind: 'file' });
      },
    })),
  ].sort((a, b) => a.order - b.order);
  const out = new Map<string, ResolvedNodeParam>();
  for (const step of steps) step.apply(out);
  return out;
}
