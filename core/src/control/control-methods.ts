import type { ControlApi } from './control-api.js';
import { CONTROL_ERROR_CODES, ControlError } from './control-errors.js';

/** How one argument of a control method travels in the request body. */
export type ControlArgKind = 'string' | 'string?' | 'boolean?' | 'any';

/** One named argument of a control method, in call order. */
export interface ControlArgSpec {
  readonly name: string;
  readonly kind: ControlArgKind;
}

/** Every method of {@link ControlApi} the endpoint serves, with its arguments in call order. */
export const CONTROL_METHODS = {
  info: [],
  nodes: [],
  plugins: [],
  lifecycleGet: [{ name: 'node', kind: 'string' }],
  lifecycleSet: [
    { name: 'node', kind: 'string' },
    { name: 'transition', kind: 'string' },
  ],
  paramList: [{ name: 'node', kind: 'string?' }],
  paramGet: [
    { name: 'node', kind: 'string' },
    { name: 'name', kind: 'string' },
  ],
  paramSet: [
    { name: 'node', kind: 'string' },
    { name: 'name', kind: 'string' },
    { name: 'value', kind: 'any' },
  ],
  paramDump: [{ name: 'node', kind: 'string?' }],
  topics: [{ name: 'includeHidden', kind: 'boolean?' }],
  topicInfo: [{ name: 'name', kind: 'string' }],
  services: [],
  actions: [],
  echo: [{ name: 'topic', kind: 'string' }],
  publish: [
    { name: 'topic', kind: 'string' },
    { name: 'type', kind: 'string?' },
    { name: 'message', kind: 'any' },
  ],
  shutdown: [],
} as const satisfies Record<keyof ControlApi, readonly ControlArgSpec[]>;

/** Name of a control method. */
export type ControlMethodName = keyof typeof CONTROL_METHODS;

/** True when `name` is a method the endpoint serves. */
export function isControlMethod(name: string): name is ControlMethodName {
  return Object.hasOwn(CONTROL_METHODS, name);
}

/**
 * Turns a request body (`{ node: '/a', name: 'rate_hz' }`) into the positional arguments of the
 * method, checking each one's type. Unknown fields are refused so that typos do not pass silently.
 */
export function argumentsFromBody(method: ControlMethodName, body: unknown): unknown[] {
  const specs: readonly ControlArgSpec[] = CONTROL_METHODS[method];
  const fields = body ?? {};
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    throw badRequest(`${method}: the request body must be a JSON object of named arguments`);
  }
  const record = fields as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!specs.some((spec) => spec.name === key)) {
      const expected = specs.map((spec) => spec.name).join(', ') || 'no arguments';
      throw badRequest(`${method}: unknown argument '${key}' (expected ${expected})`);
    }
  }
  return specs.map((spec) => checkArgument(method, spec, record[spec.name]));
}

/** The request body for a call with positional `args`, the inverse of {@link argumentsFromBody}. */
export function bodyFromArguments(method: ControlMethodName, args: readonly unknown[]): Record<string, unknown> {
  const specs: readonly ControlArgSpec[] = CONTROL_METHODS[method];
  const body: Record<string, unknown> = {};
  specs.forEach((spec, index) => {
    const value = args[index];
    if (value !== undefined) body[spec.name] = value;
  });
  return body;
}

function checkArgument(method: string, spec: ControlArgSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') throw badRequest(`${method}: argument '${spec.name}' must be a string`);
      return value;
    case 'string?':
      if (value !== undefined && value !== null && typeof value !== 'string') {
        throw badRequest(`${method}: argument '${spec.name}' must be a string when given`);
      }
      return value ?? undefined;
    case 'boolean?':
      if (value !== undefined && value !== null && typeof value !== 'boolean') {
        throw badRequest(`${method}: argument '${spec.name}' must be a boolean when given`);
      }
      return value ?? undefined;
    case 'any':
      return value;
  }
}

function badRequest(message: string): ControlError {
  return new ControlError(CONTROL_ERROR_CODES.badRequest, message);
}
