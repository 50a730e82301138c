import { resolve } from 'node:path';
import { createRootContainer } from '../di/container.js';
import { SYSTEM_SHUTDOWN } from '../di/tokens.js';
import { MessageBus } from '../bus/message-bus.js';
import { config as rxjsConfig } from 'rxjs';
import { createRootLogger, type Logger } from '../logging/logger.js';
import { loadLaunchFile } from '../launch/launch-loader.js';
import { MessageRegistry } from '../messages/message-registry.js';
import { InMemoryMetrics } from '../metrics/in-memory-metrics.js';
import { PluginHost, type NodeRequest } from '../plugin-host/plugin-host.js';
import { busOpener } from '../plugin-host/in-process-host.js';
import { STATE_IDS, TRANSITION_IDS, isTransitionLabel } from '../plugin-host/lifecycle.js';
import type { Clock } from '../time/clock.js';
import { SimClock } from '../time/sim-clock.js';
import { feedSimClock } from '../time/sim-clock-feed.js';
import { SystemClock } from '../time/system-clock.js';
import { timeToNs } from '../time/time.js';
import { checkOverrideTargets, cliLayerFor, nodeRequestFromSpec } from './node-requests.js';
import { parameterChangedEvent } from './parameter-event.js';
import { serveLifecycleServices } from './lifecycle-services.js';
import type { RunningSystem, StartOptions } from './runtime-types.js';
import { SystemControl } from './system-control.js';

/**
 * Loads a launch file, validates everything it names, and starts its plugins. All or nothing:
 * any error in the files, plugins or parameters is thrown before a single plugin is configured,
 * and a failure while starting finalizes whatever had started.
 */
export async function startLaunch(file: string, options: StartOptions = {}): Promise<RunningSystem> {
  const { requests, launchFile } = await nodeRequestsFromLaunch(file, options);
  return startSystem(requests, options, launchFile);
}

/**
 * Resolves a launch file into the node requests it asks for (applying its `set_env`), with the
 * command-line parameter overrides of `options`, without starting anything. Tools that add nodes
 * of their own (a scenario runner adds the simulator) pass the result to {@link startNodes}.
 */
export async function nodeRequestsFromLaunch(
  file: string,
  options: StartOptions = {},
): Promise<{ requests: NodeRequest[]; launchFile: string }> {
  const cwd = options.cwd ?? process.cwd();
  const launchFile = resolve(cwd, file);
  const plan = await loadLaunchFile(launchFile, { args: options.args ?? {}, cwd });
  const overrides = options.paramOverrides ?? [];
  checkOverrideTargets(
    plan.nodes.map((n) => n.fullyQualifiedName),
    overrides,
  );
  for (const [name, value] of Object.entries(plan.env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return { requests: plan.nodes.map((spec) => nodeRequestFromSpec(spec, overrides)), launchFile };
}

/** Starts the given node requests as one system (all or nothing, as {@link startLaunch}). */
export function startNodes(requests: readonly NodeRequest[], options: StartOptions = {}): Promise<RunningSystem> {
  return startSystem(requests, options, undefined);
}

/** Starts one plugin instance on its own, like `ros2 run`. */
export async function startSinglePlugin(
  pkg: string,
  plugin: string,
  options: StartOptions & { name?: string; namespace?: string; remaps?: { from: string; to: string }[] } = {},
): Promise<RunningSystem> {
  const name = options.name ?? plugin.replace(/-/g, '_');
  const namespace = options.namespace ?? '/';
  const fullyQualifiedName = namespace === '/' ? `/${name}` : `${namespace.replace(/\/$/, '')}/${name}`;
  const request: NodeRequest = {
    pkg,
    plugin,
    name,
    namespace,
    remaps: options.remaps ?? [],
    baseDir: options.cwd ?? process.cwd(),
    paramLayers: [
      cliLayerFor(
        fullyQualifiedName,
        (options.paramOverrides ?? []).map((o) => ({ ...o, node: o.node ?? fullyQualifiedName })),
      ),
    ],
  };
  return startSystem([request], options, undefined);
}

async function startSystem(
  requests: readonly NodeRequest[],
  options: StartOptions,
  launchFile: string | undefined,
): Promise<RunningSystem> {
  const startedAt = new Date();
  const logger = createRootLogger({
    ...(options.logLevel ? { level: options.logLevel } : {}),
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const metrics = new InMemoryMetrics();
  guardRxjsErrors(logger);
  const systemClock = new SystemClock();
  const bus = new MessageBus({ clock: systemClock });
  const runtimeBus = bus.forNode({ name: '_omnimind_runtime' });
  let simClock: SimClock | undefined;
  const clockFor = (useSimTime: boolean): Clock => {
    if (!useSimTime) return systemClock;
    if (!simClock) {
      simClock = new SimClock();
      feedSimClock(runtimeBus, simClock);
    }
    return simClock;
  };
  const container = createRootContainer();
  for (const { token, value } of options.services ?? []) container.register(token, { useValue: value });
  let shutdownOnRequest: (reason: string) => void = () => undefined;
  container.register(SYSTEM_SHUTDOWN, { useValue: { request: (reason) => shutdownOnRequest(reason) } });
  const host = new PluginHost({
    openBus: busOpener(bus),
    clockFor,
    restartClock: systemClock,
    logger,
    metrics,
    container,
  });

  try {
    await host.load(requests);
  } catch (error) {
    bus.dispose();
    throw error;
  }

  publishLifecycleEvents(host, runtimeBus, systemClock);
  serveLifecycleServices(host, runtimeBus, logger);
  publishParameterEvents(host, runtimeBus, systemClock);

  let finished!: () => void;
  const done = new Promise<void>((resolveDone) => (finished = resolveDone));
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info('shutting down');
      await host.shutdownAll();
      bus.dispose();
      logger.flush();
      finished();
    })();
    return stopping;
  };

  shutdownOnRequest = (reason) => {
    logger.info({ reason }, 'a node asked the system to shut down');
    // Later, so that the node asking is not deactivated from inside its own callback.
    setImmediate(() => void shutdown());
  };

  const started = performance.now();
  try {
    await host.startAll();
  } catch (error) {
    bus.dispose();
    finished();
    throw error;
  }
  logger.info({ nodes: host.list().length, ms: Math.round(performance.now() - started) }, 'all nodes active');
  const registry = MessageRegistry.default();
  const control = new SystemControl({ host, bus, controlBus: runtimeBus, registry, launchFile, startedAt, shutdown });
  return {
    control,
    bus,
    get clock() {
      return simClock ?? systemClock;
    },
    done,
    shutdown,
  };
}

/**
 * An exception thrown inside a plain RxJS subscriber (not one made with `ctx.subscribe`) would be
 * rethrown by RxJS on a later tick and end the process; log it instead.
 */
function guardRxjsErrors(logger: Logger): void {
  rxjsConfig.onUnhandledError = (error) => logger.error({ err: error }, 'unhandled error in an RxJS subscriber');
}

/** Every lifecycle change, as ROS 2 publishes it: `lifecycle_msgs/msg/TransitionEvent` on `<node>/transition_event`. */
function publishLifecycleEvents(host: PluginHost, bus: ReturnType<MessageBus['forNode']>, clock: Clock): void {
  host.events.subscribe((event) => {
    const transition = isTransitionLabel(event.transition) ? TRANSITION_IDS[event.transition] : 0;
    bus.topic(`${event.node}/transition_event`, 'lifecycle_msgs/msg/TransitionEvent').publish({
      timestamp: timeToNs(clock.now()),
      transition: { id: transition, label: event.transition },
      start_state: { id: STATE_IDS[event.from], label: event.from },
      goal_state: { id: STATE_IDS[event.to], label: event.to },
    });
  });
}

/** Accepted parameter changes on `/parameter_events` (`rcl_interfaces/msg/ParameterEvent`). */
function publishParameterEvents(host: PluginHost, bus: ReturnType<MessageBus['forNode']>, clock: Clock): void {
  const topic = bus.topic('/parameter_events', 'rcl_interfaces/msg/ParameterEvent', { qos: 'parameter_events' });
  for (const instance of host.list()) {
    instance.params.changes.subscribe((change) =>
      topic.publish(parameterChangedEvent(clock.now(), instance.name, change.name, change.newValue)),
    );
  }
}
