import { distance } from 'fastest-levenshtein';
import { BT_ERROR_CODES, BtLoadError } from './bt-errors.js';
import type { NodeManifest } from './node-manifest.js';
import type { PortBinding } from './node-ports.js';
import { RESERVED_ATTRIBUTES, convertLiteral, directionOf, parseRemap } from './ports.js';
import type { PortSpec } from './ports.js';
import type { XmlElement } from '@omnimind/core';

function describePort(name: string, spec: PortSpec): string {
  const description = spec.description ? `: ${spec.description}` : '';
  return `${name} (${directionOf(spec)} ${spec.type ?? 'any'}${description})`;
}

function suggestPort(name: string, ports: readonly string[]): string {
  const close = ports
    .map((port) => ({ port, score: distance(name.toLowerCase(), port.toLowerCase()) }))
    .filter((c) => c.score <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.score - b.score)
    .map((c) => c.port);
  const known = ports.length ? `ports of this type: ${ports.join(', ')}` : 'this type has no ports';
  return close.length ? `did you mean "${close[0]}"? (${known})` : known;
}

function bindDefault(name: string, spec: PortSpec): PortBinding {
  if (typeof spec.default === 'string') {
    const key = parseRemap(spec.default, name);
    if (key !== undefined) return { kind: 'entry', key };
    const converted = convertLiteral(spec.default, spec.type ?? 'any');
    return { kind: 'literal', value: converted.ok ? converted.value : spec.default };
  }
  return { kind: 'literal', value: spec.default };
}

/**
 * Wires the attributes of `element` to the ports of its type: `{key}` values become blackboard
 * entries, literals are converted by the port's type, unset ports take their defaults. Raises
 * `OMNI_ERR_BT_UNKNOWN_PORT`, `OMNI_ERR_BT_MISSING_PORT` or `OMNI_ERR_BT_PORT_VALUE` with the
 * attribute's (or element's) location.
 */
export function bindPorts(manifest: NodeManifest, element: XmlElement): Map<string, PortBinding> {
  const ports = manifest.ports;
  const bindings = new Map<string, PortBinding>();
  const literals = new Map<string, unknown>();
  for (const [name, attribute] of element.attributes) {
    if (RESERVED_ATTRIBUTES.has(name)) continue;
    const spec = Object.hasOwn(ports, name) ? ports[name] : undefined;
    if (!spec) {
      throw new BtLoadError(
        BT_ERROR_CODES.unknownPort,
        `"${name}" is not a port of ${manifest.type}; ${suggestPort(name, Object.keys(ports))}`,
        attribute.location,
        { type: manifest.type, port: name },
      );
    }
    const key = parseRemap(attribute.value, name);
    if (key !== undefined) {
      bindings.set(name, { kind: 'entry', key });
      continue;
    }
    if (directionOf(spec) !== 'input') {
      throw new BtLoadError(
        BT_ERROR_CODES.portValue,
        `${directionOf(spec)} port "${name}" of ${manifest.type} needs a blackboard entry such as "{${name}}", found "${attribute.value}"`,
        attribute.location,
        { type: manifest.type, port: name },
      );
    }
    const converted = convertLiteral(attribute.value, spec.type ?? 'any');
    if (!converted.ok) {
      throw new BtLoadError(
        BT_ERROR_CODES.portValue,
        `port "${name}" of ${manifest.type}: ${converted.reason}`,
        attribute.location,
        { type: manifest.type, port: name },
      );
    }
    bindings.set(name, { kind: 'literal', value: converted.value });
    literals.set(name, converted.value);
  }
  for (const [name, spec] of Object.entries(ports)) {
    if (bindings.has(name)) continue;
    if (spec.default !== undefined) {
      const binding = bindDefault(name, spec);
      bindings.set(name, binding);
      if (binding.kind === 'literal') literals.set(name, binding.value);
    } else if (spec.optional) {
      bindings.set(name, { kind: 'unset' });
    } else {
      throw new BtLoadError(
        BT_ERROR_CODES.missingPort,
        `${manifest.type} needs port ${describePort(name, spec)}`,
        element.location,
        { type: manifest.type, port: name },
      );
    }
  }
  const problem = manifest.check?.(literals, element.children.length);
  if (problem) {
    const location = element.attributes.get(problem.port)?.location ?? element.location;
    throw new BtLoadError(
      BT_ERROR_CODES.portValue,
      `port "${problem.port}" of ${manifest.type}: ${problem.reason}`,
      location,
      { type: manifest.type, port: problem.port },
    );
  }
  return bindings;
}
