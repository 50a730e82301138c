import { InvalidArgumentError } from 'commander';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { CliParamOverride } from '../runtime/runtime-types.js';
import { CLI_ERROR_CODES, CliUsageError } from './cli-errors.js';

/**
 * Parses a value typed on the command line as YAML, so `5` is a number, `true` a boolean,
 * `[1, 2]` a list and `{x: 1}` a mapping; anything else stays a string. An empty argument is the
 * empty string. `what` names the argument in error messages (`<value>`, `--param rate_hz`).
 *
 * @example parseYamlValue('{linear: {x: 0.5}}', '<message>') // { linear: { x: 0.5 } }
 */
export function parseYamlValue(text: string, what: string): unknown {
  if (text.trim() === '') return text;
  try {
    // Warnings (an unknown `%` directive...) would go to the process's warning channel; errors suffice.
    return parseYaml(text, { uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    // Besides syntax errors, `yaml` throws plain errors for unresolved or excessive aliases.
    const position = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const message = error instanceof Error ? error.message : String(error);
    // The first line is the reason followed by ` at line L, column C:`; the location goes in front instead.
    const reason = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:$/, '');
    throw new CliUsageError(
      CLI_ERROR_CODES.value,
      `not valid YAML: ${reason} (got ${JSON.stringify(text)})`,
      { file: `<${what}>`, line: position?.line ?? 1, col: position?.col ?? 1 },
      { cause: error },
    );
  }
}

/** A `name:=value` pair split at its first `:=`. */
export interface Assignment {
  readonly name: string;
  readonly value: string;
}

/** Splits `name:=value`; `what` names the option in errors (`--param`, `-r`). */
export function parseAssignment(text: string, what: string, example: string): Assignment {
  const at = text.indexOf(':=');
  if (at <= 0) {
    throw new CliUsageError(CLI_ERROR_CODES.usage, `malformed ${what} '${text}': expected ${example}`, {
      file: `<${what}>`,
      line: 1,
      col: at < 0 ? text.length + 1 : 1,
    });
  }
  return { name: text.slice(0, at), value: text.slice(at + 2) };
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Parses a parameter override `[node:]name:=value`; the value is YAML. The node may be a base
 * name (`heartbeat`) or fully qualified (`/demo/heartbeat`).
 *
 * @example parseParamOverride('/demo/heartbeat:rate_hz:=5') // { node: '/demo/heartbeat', name: 'rate_hz', value: 5 }
 */
export function parseParamOverride(text: string, what = '--param'): CliParamOverride {
  const { name: target, value } = parseAssignment(text, what, '[node:]name:=value (for example heartbeat:rate_hz:=5)');
  const colon = target.lastIndexOf(':');
  const node = colon < 0 ? undefined : target.slice(0, colon);
  const name = colon < 0 ? target : target.slice(colon + 1);
  if (!PARAM_NAME.test(name)) {
    throw new CliUsageError(
      CLI_ERROR_CODES.usage,
      `malformed ${what} '${text}': parameter name '${name}' must start with a letter or '_' and hold only letters, digits, '_' and '.'`,
      { file: `<${what}>`, line: 1, col: colon + 2 },
    );
  }
  if (node === '') {
    throw new CliUsageError(CLI_ERROR_CODES.usage, `malformed ${what} '${text}': empty node name before ':'`, {
      file: `<${what}>`,
      line: 1,
      col: 1,
    });
  }
  return { node, name, value: parseYamlValue(value, `${what} ${name}`) };
}

/** Parses a remapping `from:=to`. */
export function parseRemap(text: string): { from: string; to: string } {
  const { name, value } = parseAssignment(text, '--remap', 'from:=to (for example chatter:=/robot/chatter)');
  if (value === '') {
    throw new CliUsageError(CLI_ERROR_CODES.usage, `malformed --remap '${text}': empty target after ':='`, {
      file: '<--remap>',
      line: 1,
      col: text.length + 1,
    });
  }
  return { from: name, to: value };
}

/** Where `--control` asks the control endpoint to listen. */
export type ControlAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'socket'; readonly path: string };

/**
 * Parses `--control`: a port (`7000`, on 127.0.0.1), `host:port` (`[::1]:7000`), or a Unix
 * socket path (anything with a `/`, or ending in `.sock`).
 */
export function parseControlAddress(text: string): ControlAddress {
  if (/^\d+$/.test(text)) return { kind: 'tcp', host: '127.0.0.1', port: portNumber(text, text) };
  if (text.includes('/') || text.endsWith('.sock')) return { kind: 'socket', path: text };
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d+)$/.exec(text);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    return { kind: 'tcp', host: match[1].replace(/^\[|\]$/g, ''), port: portNumber(match[2], text) };
  }
  throw new CliUsageError(
    CLI_ERROR_CODES.usage,
    `malformed --control '${text}': expected a port (7000), host:port (127.0.0.1:7000) or a socket path (./omnimind.sock)`,
    { file: '<--control>', line: 1, col: 1 },
  );
}

function portNumber(digits: string, text: string): number {
  const port = Number(digits);
  if (port > 65535) {
    throw new CliUsageError(CLI_ERROR_CODES.usage, `malformed --control '${text}': port ${port} is above 65535`, {
      file: '<--control>',
      line: 1,
      col: text.length - digits.length + 1,
    });
  }
  return port;
}

/** Commander option parser for a number ≥ 0 (seconds, ...). */
export function nonNegativeNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError('expected a number ≥ 0.');
  }
  return value;
}

/** Commander option parser for a number > 0 (a rate in Hz, ...). */
export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError('expected a number > 0.');
  }
  return value;
}

/** Commander option parser for an integer ≥ 1 (a count, a pid, ...). */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError('expected an integer ≥ 1.');
  }
  return value;
}

/** Commander collector for repeatable options (`-p a:=1 -p b:=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
