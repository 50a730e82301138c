/** The value types a port can declare; literals in XML are converted to them. */
export type PortType = 'string' | 'number' | 'boolean' | 'json' | 'any';

/** Which way data flows through a port. */
export type PortDirection = 'input' | 'output' | 'inout';

/**
 * A port of a node type, as BehaviorTree.CPP's `providedPorts()`.
 *
 * A port without a `default` must be given in the XML unless `optional` is set. A `default` may be
 * a literal (converted by `type`) or a blackboard reference such as `'{target}'`.
 */
export interface PortSpec {
  /** Data direction (default `'input'`). */
  readonly direction?: PortDirection;
  /** Declared value type (default `'any'`, which keeps strings as they are). */
  readonly type?: PortType;
  /** Value used when the XML does not set the port. */
  readonly default?: unknown;
  /** When true, the port may be left unset without a default. */
  readonly optional?: boolean;
  /** One line for documentation and error messages. */
  readonly description?: string;
}

/** Ports by name. */
export type PortMap = Readonly<Record<string, PortSpec>>;

/** An input port of `type`. */
export function inputPort(type: PortType = 'any', options: Omit<PortSpec, 'direction' | 'type'> = {}): PortSpec {
  return { ...options, direction: 'input', type };
}

/** An output port of `type`. */
export function outputPort(type: PortType = 'any', options: Omit<PortSpec, 'direction' | 'type'> = {}): PortSpec {
  return { ...options, direction: 'output', type };
}

/** A port that is read and written. */
export function inoutPort(type: PortType = 'any', options: Omit<PortSpec, 'direction' | 'type'> = {}): PortSpec {
  return { ...options, direction: 'inout', type };
}

const REMAP = /^\{(=|@?[A-Za-z_][\w.-]*)\}$/;

/**
 * The blackboard key in a `{key}` attribute value (`{=}` means the port's own name), or undefined
 * when the value is a literal. `{@key}` addresses the root blackboard.
 */
export function parseRemap(value: string, portName: string): string | undefined {
  const match = REMAP.exec(value.trim());
  if (!match) return undefined;
  return match[1] === '=' ? portName : (match[1] as string);
}

/** The result of a conversion: the value, or why it failed. */
export type Converted =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?(0x[0-9a-fA-F]+|Infinity)$/;

/** Converts an XML literal (or a string on the blackboard) to the port's `type`. */
export function convertLiteral(text: string, type: PortType): Converted {
  switch (type) {
    case 'string':
    case 'any':
      return { ok: true, value: text };
    case 'number': {
      const trimmed = text.trim();
      if (!NUMBER.test(trimmed)) return { ok: false, reason: `"${text}" is not a number` };
      return { ok: true, value: Number(trimmed) };
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return { ok: true, value: true };
      if (lower === 'false' || lower === '0') return { ok: true, value: false };
      return { ok: false, reason: `"${text}" is not a boolean (true, false, 1, 0)` };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch (error) {
        return { ok: false, reason: `"${text}" is not JSON (${(error as Error).message})` };
      }
  }
}

/**
 * Checks a value read from the blackboard against the port's type: strings are converted (as
 * BehaviorTree.CPP converts string entries on read), other values must already have the type.
 */
export function coerceValue(value: unknown, type: PortType): Converted {
  if (type === 'any' || type === 'json') return { ok: true, value };
  if (typeof value === 'string') return convertLiteral(value, type);
  if (typeof value === type) return { ok: true, value };
  return { ok: false, reason: `expected a ${type}, found ${value === null ? 'null' : typeof value}` };
}

/** The direction of a port spec, with its default applied. */
export function directionOf(spec: PortSpec): PortDirection {
  return spec.direction ?? 'input';
}

/** Attributes every element may carry besides its ports. */
export const RESERVED_ATTRIBUTES: ReadonlySet<string> = new Set(['name', 'ID', '_description', '_uid']);
