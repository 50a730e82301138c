import { OmniError } from '../errors/omni-error.js';

/** Raised for a topic, service, action, node or namespace name that breaks ROS 2 naming rules. */
export class InvalidNameError extends OmniError {
  constructor(kind: string, name: string, reason: string) {
    super('OMNI_ERR_INVALID_NAME', `invalid ${kind} name '${name}': ${reason}`, {
      details: { kind, name, reason },
    });
  }
}

const TOKEN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Returns why `name` is not a valid ROS 2 topic/service name (relative, absolute or `~`-private),
 * or `undefined` when it is valid. Follows rcl's rules: alphanumerics, `_` and `/`; no empty
 * token (`//`), no trailing `/`, no token starting with a digit, `~` only as `~` or `~/...`.
 */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.includes('~') && !(name === '~' || (name.startsWith('~/') && !name.slice(1).includes('~')))) {
    return "'~' may only appear first, alone or followed by '/'";
  }
  const body = name.startsWith('~') ? name.slice(1) : name;
  if (body.endsWith('/') && name !== '/') return "must not end with '/'";
  if (name === '/') return 'must name something after the root namespace';
  if (body.includes('//')) return "must not contain '//' (empty token)";
  const tokens = body.split('/').filter((t, i) => !(i === 0 && t === ''));
  for (const token of tokens) {
    if (token === '') continue;
    if (!TOKEN.test(token)) {
      return /^[0-9]/.test(token)
        ? `token '${token}' must not start with a digit`
        : `token '${token}' may contain only letters, digits and '_'`;
    }
  }
  return undefined;
}

/** Throws {@link InvalidNameError} unless `name` is a valid topic or service name. */
export function validateTopicName(name: string, kind = 'topic'): void {
  const problem = topicNameProblem(name);
  if (problem) throw new InvalidNameError(kind, name, problem);
}

/** Throws {@link InvalidNameError} unless `name` is a valid node (plugin instance) base name. */
export function validateNodeName(name: string): void {
  if (!TOKEN.test(name)) {
    throw new InvalidNameError('node', name, "must be letters, digits and '_' and not start with a digit");
  }
}

/** Normalises and validates a namespace: always absolute, no trailing slash (`/` for the root). */
export function normalizeNamespace(namespace: string | undefined): string {
  if (namespace === undefined || namespace === '' || namespace === '/') return '/';
  const absolute = namespace.startsWith('/') ? namespace : `/${namespace}`;
  const trimmed = absolute.endsWith('/') ? absolute.slice(0, -1) : absolute;
  const problem = topicNameProblem(trimmed);
  if (problem || trimmed.includes('~')) {
    throw new InvalidNameError('namespace', namespace, problem ?? "'~' is not allowed in a namespace");
  }
  return trimmed;
}

/** Joins two namespaces or a namespace and a relative name. */
export function joinNames(namespace: string, relative: string): string {
  if (relative.startsWith('/')) return relative;
  return namespace === '/' ? `/${relative}` : `${namespace}/${relative}`;
}

/** The fully qualified name of a node: its namespace joined with its base name. */
export function nodeFullyQualifiedName(namespace: string, nodeName: string): string {
  return joinNames(normalizeNamespace(namespace), nodeName);
}

/**
 * A remapping rule as given in a launch file or on the command line (`from:=to`).
 * Both sides are resolved against the node's namespace before matching.
 */
export interface RemapRule {
  readonly from: string;
  readonly to: string;
}

/**
 * Resolves a topic/service name to its fully qualified form the way rcl does:
 * absolute names stay, `~` expands to the node's fully qualified name, relative names join the
 * namespace; then the first matching remap rule is applied.
 */
export function resolveTopicName(
  name: string,
  namespace: string,
  nodeName: string,
  remaps: readonly RemapRule[] = [],
  kind = 'topic',
): string {
  validateTopicName(name, kind);
  const ns = normalizeNamespace(namespace);
  const expand = (n: string): string => {
    if (n === '~') return nodeFullyQualifiedName(ns, nodeName);
    if (n.startsWith('~/')) return `${nodeFullyQualifiedName(ns, nodeName)}/${n.slice(2)}`;
    return joinNames(ns, n);
  };
  const resolved = expand(name);
  for (const rule of remaps) {
    validateTopicName(rule.from, 'remap source');
    validateTopicName(rule.to, 'remap target');
    if (expand(rule.from) === resolved) return expand(rule.to);
  }
  return resolved;
}
