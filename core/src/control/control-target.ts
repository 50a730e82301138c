/**
 * Where a control endpoint listens and the token it requires. Exactly one of `url`
 * (`http://127.0.0.1:40125`) and `socketPath` (a Unix domain socket) is set.
 */
export interface ControlTarget {
  readonly url?: string;
  readonly socketPath?: string;
  readonly token: string;
}

/** A short human description of a target for messages: its URL or `unix:<path>`. */
export function describeTarget(target: Pick<ControlTarget, 'url' | 'socketPath'>): string {
  return target.socketPath !== undefined ? `unix:${target.socketPath}` : (target.url ?? '(no address)');
}

/**
 * True for host names that only this machine can reach: `localhost`, `127.0.0.0/8` and `::1`
 * (also in their IPv4-mapped and bracketed forms).
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  if (lower === 'localhost' || lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
  const v4 = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  return match !== null && match[1] === '127' && match.slice(2).every((part) => Number(part) <= 255);
}
