import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

/** The structured logger every plugin gets (a pino child logger carrying plugin, node and namespace fields). */
export type Logger = PinoLogger;

/** Options of the process's root logger. */
export interface RootLoggerOptions {
  /** pino level name (`trace`, `debug`, `info`, `warn`, `error`, `fatal`, `silent`). */
  readonly level?: string;
  /** Destination stream; defaults to stderr so that stdout stays free for command output. */
  readonly destination?: NodeJS.WritableStream;
}

/** Creates the root logger of a running system; JSON lines, one per record. */
export function createRootLogger(options: RootLoggerOptions = {}): Logger {
  const destination = (options.destination ?? process.stderr) as DestinationStream;
  return pino({ level: options.level ?? 'info', base: { pid: process.pid } }, destination);
}
