import { Agent, request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { ControlApi, EchoedMessage } from './control-api.js';
import { CONTROL_ERROR_CODES, ControlError, ControlUnreachableError } from './control-errors.js';
import { bodyFromArguments, type ControlMethodName } from './control-methods.js';
import { describeTarget, type ControlTarget } from './control-target.js';
import { fromWireError } from './control-wire-error.js';
import { toJsonSafe } from './json-safe.js';
import { NdjsonLineSplitter } from './ndjson-decoder.js';

type CallableMethod = Exclude<ControlMethodName, 'echo'>;

/** Options of an echo stream. */
export interface EchoOptions {
  /** Ends the stream (normally, without an error) when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * The client side of {@link ControlApi}: every method returns a promise of the same result
 * (after a JSON round trip), and `echo` is an async iterable that ends when the server closes the
 * stream or `signal` aborts; breaking out of `for await` disconnects.
 *
 * @example
 * const client = createControlClient(target);
 * for await (const message of client.echo('/heartbeat')) { console.log(message.message); break; }
 */
export type ControlClient = {
  [K in CallableMethod]: (...args: Parameters<ControlApi[K]>) => Promise<Awaited<ReturnType<ControlApi[K]>>>;
} & {
  /** Where the client connects. */
  readonly target: ControlTarget;
  echo(topic: string, options?: EchoOptions): AsyncIterableIterator<EchoedMessage>;
  /** Drops idle connections; calls made afterwards still work. */
  close(): void;
};

/** Options of {@link createControlClient}. */
export interface ControlClientOptions {
  /** Fails a call whose connection stays silent this long (default 30 000 ms). Echo streams have no timeout. */
  readonly timeoutMs?: number;
}

const CALLABLE_METHODS: readonly CallableMethod[] = [
  'info',
  'nodes',
  'plugins',
  'lifecycleGet',
  'lifecycleSet',
  'paramList',
  'paramGet',
  'paramSet',
  'paramDump',
  'topics',
  'topicInfo',
  'services',
  'actions',
  'publish',
  'shutdown',
];

/** Creates a client for the control endpoint at `target`. Errors keep the server's `code`. */
export function createControlClient(target: ControlTarget, options: ControlClientOptions = {}): ControlClient {
  // No keep-alive: a CLI call is one request, and a pooled socket would keep the process alive.
  const agent = new Agent({ keepAlive: false });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client: Record<string, unknown> = {
    target,
    close: () => agent.destroy(),
    echo: (topic: string, echoOptions: EchoOptions = {}) => echoStream(target, agent, topic, echoOptions),
  };
  for (const method of CALLABLE_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const body = JSON.stringify(toJsonSafe(bodyFromArguments(method, args)));
      const { response, text } = await send(target, agent, method, body, timeoutMs);
      const parsed = parseJson(text, target);
      if (response.statusCode !== 200) throw fromWireError(response.statusCode ?? 0, parsed);
      if (typeof parsed !== 'object' || parsed === null || !('result' in parsed)) {
        throw protocolError(target, 'response has no "result" field');
      }
      return (parsed as { result: unknown }).result;
    };
  }
  return client as ControlClient;
}

function requestOptions(target: ControlTarget, agent: Agent, method: string, body: string): RequestOptions {
  const headers = {
    Authorization: `Bearer ${target.token}`,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  };
  if (target.socketPath !== undefined) {
    return { socketPath: target.socketPath, path: `/v1/${method}`, method: 'POST', headers, agent };
  }
  const url = new URL(target.url ?? '');
  const base = url.pathname.replace(/\/+$/, '');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 80 : Number(url.port),
    path: `${base}/v1/${method}`,
    method: 'POST',
    headers,
    agent,
  };
}

function openRequest(
  target: ControlTarget,
  agent: Agent,
  method: string,
  body: string,
): { req: ClientRequest; response: Promise<IncomingMessage> } {
  let options: RequestOptions;
  try {
    options = requestOptions(target, agent, method, body);
  } catch (error) {
    throw new ControlError(CONTROL_ERROR_CODES.address, `invalid control URL '${target.url ?? ''}'`, { cause: error });
  }
  const req = request(options);
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', (error) => reject(unreachable(target, error)));
  });
  req.end(body);
  return { req, response };
}

async function send(
  target: ControlTarget,
  agent: Agent,
  method: string,
  body: string,
  timeoutMs: number,
): Promise<{ response: IncomingMessage; text: string }> {
  const { req, response } = openRequest(target, agent, method, body);
  req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
  const res = await response;
  try {
    res.setEncoding('utf8');
    let text = '';
    for await (const chunk of res) text += chunk as string;
    return { response: res, text };
  } catch (error) {
    throw unreachable(target, error);
  }
}

async function* echoStream(
  target: ControlTarget,
  agent: Agent,
  topic: string,
  options: EchoOptions,
): AsyncIterableIterator<EchoedMessage> {
  const signal = options.signal;
  if (isAborted(signal)) return;
  const { req, response } = openRequest(target, agent, 'echo', JSON.stringify({ topic }));
  const abort = (): void => {
    req.destroy();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    let res: IncomingMessage;
    try {
      res = await response;
    } catch (error) {
      if (isAborted(signal)) return;
      throw error;
    }
    res.setEncoding('utf8');
    if (res.statusCode !== 200) {
      let text = '';
      for await (const chunk of res) text += chunk as string;
      throw fromWireError(res.statusCode ?? 0, parseJson(text, target));
    }
    const splitter = new NdjsonLineSplitter();
    try {
      for await (const chunk of res) {
        for (const line of splitter.push(chunk as string)) {
          // One chunk may hold several messages; none is delivered after an abort.
          if (isAborted(signal)) return;
          yield parseJson(line, target) as EchoedMessage;
        }
      }
    } catch (error) {
      if (isAborted(signal)) return;
      throw unreachable(target, error);
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    req.destroy();
  }
}

function parseJson(text: string, target: ControlTarget): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw protocolError(target, `response is not JSON: ${text.slice(0, 80)}`);
  }
}

function protocolError(target: ControlTarget, message: string): ControlError {
  return new ControlError(CONTROL_ERROR_CODES.protocol, `control endpoint ${describeTarget(target)}: ${message}`);
}

function unreachable(target: ControlTarget, error: unknown): ControlUnreachableError {
  const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
  return new ControlUnreachableError(
    CONTROL_ERROR_CODES.unreachable,
    `cannot reach the control endpoint at ${describeTarget(target)} (${reason})`,
    { cause: error, details: { target: describeTarget(target) } },
  );
}

// A function, not an inline check, so the compiler does not assume `aborted` never changes.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
