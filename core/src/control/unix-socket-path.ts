import { lstat, unlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { CONTROL_ERROR_CODES, ControlError } from './control-errors.js';

/** Longest Unix socket path Linux accepts (`sun_path` is 108 bytes including the final NUL). */
export const MAX_SOCKET_PATH_BYTES = 107;

/**
 * Makes `path` ready to listen on: checks its length, and removes a socket file left behind by a
 * process that died (nothing accepts connections on it). A live socket or any other kind of file
 * at that path is an error, so that nothing is overwritten by mistake.
 */
export async function prepareSocketPath(path: string): Promise<void> {
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    throw new ControlError(
      CONTROL_ERROR_CODES.address,
      `socket path is ${Buffer.byteLength(path)} bytes long; the limit is ${MAX_SOCKET_PATH_BYTES}: ${path}`,
      { details: { path } },
    );
  }
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined) return;
  if (!stats.isSocket()) {
    throw new ControlError(CONTROL_ERROR_CODES.address, `${path} exists and is not a socket`, { details: { path } });
  }
  if (await socketAnswers(path)) {
    throw new ControlError(CONTROL_ERROR_CODES.address, `another process is listening on ${path}`, {
      details: { path },
    });
  }
  await unlink(path);
}

/** Removes the socket file at `path` if it is still there. */
export async function removeSocketFile(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isSocket() === true) await unlink(path).catch(() => undefined);
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
