import { chmod } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OmniError } from '../errors/omni-error.js';
import type { ControlApi, EchoedMessage } from './control-api.js';
import { CONTROL_ERROR_CODES, ControlError } from './control-errors.js';
import { argumentsFromBody, isControlMethod, type ControlMethodName } from './control-methods.js';
import { isLoopbackHost, type ControlTarget } from './control-target.js';
import { bearerTokenOf, generateToken, tokensEqual } from './bearer-token.js';
import { toJsonSafe } from './json-safe.js';
import { toWireError } from './control-wire-error.js';
import { prepareSocketPath, removeSocketFile } from './unix-socket-path.js';

/** Where and how the control endpoint listens. */
export interface ControlServerOptions {
  /** Host to bind (default `127.0.0.1`). A non-loopback host requires {@link token}. */
  readonly host?: string;
  /** TCP port (default 0: an ephemeral port chosen by the system). */
  readonly port?: number;
  /** Listen on this Unix domain socket instead of TCP (created with mode 0600). */
  readonly socketPath?: string;
  /** Token clients must present; default: 32 random bytes generated now. */
  readonly token?: string;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /**
   * Bytes an echo stream may have waiting for a slow client before further messages to it are
   * dropped (default 4 MiB), so that a stalled client never grows memory without bound.
   */
  readonly maxEchoBufferBytes?: number;
  /** Called with unexpected failures while serving (a non-OmniError thrown by the API, a socket error). */
  readonly onError?: (error: unknown) => void;
}

/** A listening control endpoint. */
export interface ControlServer {
  /** `http://host:port` when listening on TCP. */
  readonly url: string | undefined;
  /** The socket path when listening on a Unix domain socket. */
  readonly socketPath: string | undefined;
  /** The token every request must carry as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Address and token together, as the runtime file and the client use them. */
  readonly target: ControlTarget;
  /** Ends echo streams, lets running requests finish (at most `graceMs`, default 2000), stops listening. */
  close(graceMs?: number): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_MAX_ECHO_BUFFER = 4 * 1024 * 1024;
const MIN_TOKEN_LENGTH = 16;

/**
 * Serves `api` over HTTP: `POST /v1/<method>` with the named arguments as a JSON object answers
 * `{ "result": ... }`; errors answer `{ code, message, name, details? }` with a 4xx/5xx status;
 * `POST /v1/echo` streams newline-delimited JSON until the client disconnects.
 * Every request must carry `Authorization: Bearer <token>`.
 *
 * @example
 * const server = await startControlServer(system.control);
 * const client = createControlClient(server.target);
 * await client.nodes();
 */
export async function startControlServer(api: ControlApi, options: ControlServerOptions = {}): Promise<ControlServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.socketPath === undefined && !isLoopbackHost(host) && options.token === undefined) {
    throw new ControlError(
      CONTROL_ERROR_CODES.insecureBind,
      `refusing to bind the control endpoint to non-loopback host '${host}' without a configured token`,
      { details: { host } },
    );
  }
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) {
    throw new ControlError(
      CONTROL_ERROR_CODES.insecureBind,
      `the control token must be at least ${MIN_TOKEN_LENGTH} characters long`,
    );
  }
  const token = options.token ?? generateToken();
  const handler = new RequestHandler(api, token, options);
  const server = createServer((req, res) => handler.handle(req, res));
  server.on('clientError', (_error, socket) => socket.destroy());

  let url: string | undefined;
  if (options.socketPath !== undefined) {
    await prepareSocketPath(options.socketPath);
    await listen(server, { path: options.socketPath });
    await chmod(options.socketPath, 0o600);
  } else {
    await listen(server, { host, port: options.port ?? 0 });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    url = `http://${shownHost}:${address.port}`;
  }
  const target: ControlTarget =
    options.socketPath !== undefined ? { socketPath: options.socketPath, token } : { url, token };

  let closing: Promise<void> | undefined;
  return {
    url,
    socketPath: options.socketPath,
    token,
    target,
    close(graceMs = 2000) {
      closing ??= (async () => {
        handler.closeStreams();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), graceMs);
          force.unref();
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          server.closeIdleConnections();
        });
        if (options.socketPath !== undefined) await removeSocketFile(options.socketPath);
      })();
      return closing;
    },
  };
}

function listen(server: Server, address: { host: string; port: number } | { path: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

class RequestHandler {
  private readonly streams = new Set<ServerResponse>();
  private closing = false;

  constructor(
    private readonly api: ControlApi,
    private readonly token: string,
    private readonly options: ControlServerOptions,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.serve(req, res).catch((error: unknown) => {
      if (!(error instanceof OmniError)) this.options.onError?.(error);
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
  }

  closeStreams(): void {
    this.closing = true;
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.closing) res.setHeader('Connection', 'close');
    const presented = bearerTokenOf(req.headers.authorization);
    if (presented === undefined || !tokensEqual(presented, this.token)) {
      req.resume();
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(
        res,
        new ControlError(
          CONTROL_ERROR_CODES.unauthorized,
          presented === undefined ? 'missing bearer token' : 'invalid bearer token',
        ),
      );
      return;
    }
    const method = /^\/v1\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0] ?? '')?.[1];
    if (method === undefined || !isControlMethod(method)) {
      req.resume();
      sendError(res, new ControlError(CONTROL_ERROR_CODES.unknownMethod, `no control method at ${req.url ?? '/'}`));
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      sendError(res, new ControlError(CONTROL_ERROR_CODES.badRequest, `use POST for /v1/${method}`), 405);
      return;
    }
    const body = await readJsonBody(req, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    const args = argumentsFromBody(method, body);
    if (method === 'echo') {
      this.serveEcho(res, args[0] as string);
      return;
    }
    const result = await this.call(method, args);
    sendJson(res, 200, { result: toJsonSafe(result) });
  }

  private async call(method: Exclude<ControlMethodName, 'echo'>, args: unknown[]): Promise<unknown> {
    const fn = this.api[method] as (...callArgs: unknown[]) => unknown;
    return await fn.apply(this.api, args);
  }

  private serveEcho(res: ServerResponse, topic: string): void {
    const maxBuffer = this.options.maxEchoBufferBytes ?? DEFAULT_MAX_ECHO_BUFFER;
    // Messages may arrive synchronously while subscribing (late-joiner replay), before headers go out.
    const early: string[] = [];
    let streaming = false;
    const onMessage = (message: EchoedMessage): void => {
      const line = `${JSON.stringify(toJsonSafe(message))}\n`;
      if (!streaming) early.push(line);
      else if (res.writableLength <= maxBuffer && !res.writableEnded) res.write(line);
    };
    // Throws (unknown topic…) before anything is sent, so the error gets a proper status.
    const stop = this.api.echo(topic, onMessage);
    let stopped = false;
    const unsubscribe = (): void => {
      if (stopped) return;
      stopped = true;
      this.streams.delete(res);
      try {
        stop();
      } catch (error) {
        this.options.onError?.(error);
      }
    };
    // `res` (not `req`) reports the client going away: `req` closes as soon as its body is read.
    res.on('close', unsubscribe);
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
    streaming = true;
    if (this.closing) {
      res.end(early.join(''));
      return;
    }
    this.streams.add(res);
    if (early.length > 0) res.write(early.join(''));
    else res.flushHeaders();
  }
}

function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(
          new ControlError(CONTROL_ERROR_CODES.payloadTooLarge, `request body exceeds ${limit} bytes`, {
            details: { limit },
          }),
        );
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      failed = true;
      reject(error);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') {
        resolve({});
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(
          new ControlError(
            CONTROL_ERROR_CODES.badRequest,
            `request body is not valid JSON: ${(error as Error).message}`,
          ),
        );
      }
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: unknown, status?: number): void {
  const wire = toWireError(error);
  sendJson(res, status ?? wire.status, wire.body);
}
