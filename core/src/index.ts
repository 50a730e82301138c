/**
 * @omnimind/core: the typed reactive bus, clocks, plugin host with managed lifecycle, parameters,
 * launch files and the control endpoint. It depends on no plugin.
 */
export * from './errors/omni-error.js';
export * from './names/topic-names.js';
export * from './qos/index.js';
export * from './time/index.js';
export * from './bus/index.js';
export * from './operators/index.js';
export * from './messages/index.js';
export * from './params/index.js';
export * from './plugin-host/index.js';
export * from './launch/index.js';
export * from './runtime/index.js';
export type * from './control/control-api.js';
export { createRootLogger } from './logging/logger.js';
export type { Logger, RootLoggerOptions } from './logging/logger.js';
export type { Counter, Gauge, Histogram, MetricLabels, MetricOptions, Metrics } from './metrics/metrics.js';
export { InMemoryMetrics } from './metrics/in-memory-metrics.js';
export type { MetricSample } from './metrics/in-memory-metrics.js';
export { BUS, CLOCK, LOGGER, METRICS, SYSTEM_SHUTDOWN, createToken } from './di/tokens.js';
export type { SystemShutdown } from './di/tokens.js';
export type { Token } from './di/tokens.js';
export { createRootContainer } from './di/container.js';
export * from './yaml-files/index.js';
export type { CliCommandExtension, CliExtensionModule } from './cli/cli-extensions.js';
export type { CliContext, TextOutput } from './cli/cli-context.js';
export * from './xml-files/index.js';
export { normalizeAngle } from './geometry/angles.js';
