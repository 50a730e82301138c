import { Writable } from 'node:stream';
import type { MessageBus } from '../bus/message-bus.js';
import { MessageBus as InProcessBus } from '../bus/message-bus.js';
import { createRootContainer } from '../di/container.js';
import { createRootLogger, type Logger } from '../logging/logger.js';
import { InMemoryMetrics } from '../metrics/in-memory-metrics.js';
import type { Clock } from '../time/clock.js';
import { PluginHost, type PluginHostOptions } from './plugin-host.js';

/**
 * Opens node buses on `bus` for the plugin host, reporting a handler's error with the topic it
 * was handling.
 */
export function busOpener(bus: MessageBus): PluginHostOptions['openBus'] {
  return ({ namespace, name, remaps, clock, onHandlerError }) =>
    bus.forNode({
      namespace,
      name,
      remaps,
      clock,
      onHandlerError: (error, where) => onHandlerError(error, `message handler on ${where.topic}`),
    });
}

/** What {@link createInProcessHost} builds. */
export interface InProcessHost {
  readonly host: PluginHost;
  readonly bus: MessageBus;
  readonly metrics: InMemoryMetrics;
  /** Finalizes every node, then disposes the bus. */
  dispose(): Promise<void>;
}

/**
 * A plugin host on one in-process bus and one clock (for every node and for restarts): the
 * quickest way to run plugins in a test, in virtual time with a `ManualClock`.
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const { host, bus, dispose } = createInProcessHost({ clock });
 * await host.load([{ pkg: './index.ts', plugin: 'heartbeat', name: 'hb', namespace: '/',
 *   remaps: [], baseDir: import.meta.dirname, paramLayers: [] }]);
 * await host.startAll();
 * clock.advanceBy(1000);
 * await dispose();
 * ```
 */
export function createInProcessHost(options: { clock: Clock; logger?: Logger }): InProcessHost {
  const bus = new InProcessBus({ clock: options.clock });
  const metrics = new InMemoryMetrics();
  const host = new PluginHost({
    openBus: busOpener(bus),
    clockFor: () => options.clock,
    restartClock: options.clock,
    logger:
      options.logger ??
      createRootLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) }),
    metrics,
    container: createRootContainer(),
  });
  return {
    host,
    bus,
    metrics,
    dispose: async () => {
      await host.shutdownAll();
      bus.dispose();
    },
  };
}
