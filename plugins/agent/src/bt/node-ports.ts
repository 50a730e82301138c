import type { Blackboard } from './blackboard.js';
import { BT_ERROR_CODES, BtRuntimeError } from './bt-errors.js';
import { coerceValue, directionOf } from './ports.js';
import type { PortDirection, PortMap, PortSpec, PortType } from './ports.js';

/** How one port of a node instance is wired: to a converted literal or to a blackboard key. */
export type PortBinding =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'entry'; readonly key: string }
  | { readonly kind: 'unset' };

/** A port's spec and binding, resolved once so that a read is one map lookup. */
interface ResolvedPort {
  readonly spec: PortSpec;
  readonly direction: PortDirection;
  readonly type: PortType;
  readonly binding: PortBinding;
}

const UNSET: PortBinding = { kind: 'unset' };

/** The ports of one node instance: its declared specs, its bindings and its blackboard scope. */
export class NodePorts {
  private readonly resolved = new Map<string, ResolvedPort>();

  constructor(
    private readonly path: string,
    specs: PortMap,
    bindings: ReadonlyMap<string, PortBinding>,
    private readonly blackboard: Blackboard,
  ) {
    for (const [name, spec] of Object.entries(specs)) {
      this.resolved.set(name, {
        spec,
        direction: directionOf(spec),
        type: spec.type ?? 'any',
        binding: bindings.get(name) ?? UNSET,
      });
    }
  }

  /**
   * The value of input port `name`, converted to its declared type. Throws
   * `OMNI_ERR_BT_MISSING_ENTRY` when it reads an unset blackboard entry (or the port is unset) and
   * `OMNI_ERR_BT_PORT_TYPE` when the entry has another type.
   */
  getInput<T = unknown>(name: string): T {
    const value = this.read(name);
    if (value === undefined) {
      const binding = this.resolved.get(name)?.binding;
      const where = binding?.kind === 'entry' ? `blackboard entry "${binding.key}"` : 'no value';
      throw new BtRuntimeError(BT_ERROR_CODES.missingEntry, this.path, `input port "${name}" has ${where} set`);
    }
    return value as T;
  }

  /** Like {@link getInput}, but undefined when the port or its entry is not set. */
  tryInput<T = unknown>(name: string): T | undefined {
    return this.read(name) as T | undefined;
  }

  /**
   * Writes `value` to the entry output port `name` is mapped to; returns false when the port is
   * unset (an optional output nobody listens to).
   */
  setOutput(name: string, value: unknown): boolean {
    const port = this.port(name);
    if (port.direction === 'input') {
      throw new BtRuntimeError(BT_ERROR_CODES.portType, this.path, `port "${name}" is an input port`);
    }
    const binding = port.binding;
    if (binding.kind !== 'entry') return false;
    const type = port.type;
    if (type !== 'any' && type !== 'json' && typeof value !== type) {
      const found = value === null ? 'null' : typeof value;
      throw new BtRuntimeError(
        BT_ERROR_CODES.portType,
        this.path,
        `output port "${name}": expected a ${type}, found ${found}`,
      );
    }
    this.blackboard.set(binding.key, value);
    return true;
  }

  private read(name: string): unknown {
    const port = this.port(name);
    if (port.direction === 'output') {
      throw new BtRuntimeError(BT_ERROR_CODES.portType, this.path, `port "${name}" is an output port`);
    }
    const binding = port.binding;
    if (binding.kind === 'literal') return binding.value;
    if (binding.kind === 'unset') return undefined;
    const raw = this.blackboard.get(binding.key);
    if (raw === undefined) return undefined;
    const converted = coerceValue(raw, port.type);
    if (!converted.ok) {
      throw new BtRuntimeError(
        BT_ERROR_CODES.portType,
        this.path,
        `input port "${name}" (blackboard entry "${binding.key}"): ${converted.reason}`,
      );
    }
    return converted.value;
  }

  private port(name: string): ResolvedPort {
    const port = this.resolved.get(name);
    if (!port) throw new BtRuntimeError(BT_ERROR_CODES.portType, this.path, `no port named "${name}"`);
    return port;
  }
}
