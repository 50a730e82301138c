import 'reflect-metadata';
import type { InjectionToken } from 'tsyringe';
import type { Clock } from '../time/clock.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Bus } from '../bus/bus-types.js';

/**
 * A typed DI token. tsyringe resolves by token, and the phantom type makes
 * `container.resolve(token)` return `T` without a cast. No decorator metadata is needed.
 */
export type Token<T> = InjectionToken<T> & { readonly __type?: T };

/** Creates a unique typed token; the description shows up in resolution errors. */
export function createToken<T>(description: string): Token<T> {
  return Symbol.for(`omnimind:${description}`) as Token<T>;
}

/** The node's clock. */
export const CLOCK = createToken<Clock>('clock');
/** The node's logger. */
export const LOGGER = createToken<Logger>('logger');
/** The node's metrics facade. */
export const METRICS = createToken<Metrics>('metrics');
/** The node's namespaced bus. */
export const BUS = createToken<Bus>('bus');

/** Lets a node end the whole system it runs in, as when a mission it ran is over. */
export interface SystemShutdown {
  /** Asks the system to shut down in order, soon after the caller returns; `reason` is logged. */
  request(reason: string): void;
}
/**
 * The system's {@link SystemShutdown}, registered by `startLaunch`/`startNodes` (hosts that cannot
 * end themselves, such as a bare in-process host in a test, leave it out: check `isRegistered`).
 */
export const SYSTEM_SHUTDOWN = createToken<SystemShutdown>('system-shutdown');
