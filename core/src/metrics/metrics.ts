/** Label values of one time series. */
export type MetricLabels = Readonly<Record<string, string>>;

/** A monotonically increasing count. */
export interface Counter {
  inc(labels?: MetricLabels, value?: number): void;
}

/** A value that goes up and down. */
export interface Gauge {
  set(labels: MetricLabels | undefined, value: number): void;
  inc(labels?: MetricLabels, value?: number): void;
  dec(labels?: MetricLabels, value?: number): void;
}

/** A distribution of observed values (durations in seconds, sizes in bytes). */
export interface Histogram {
  observe(labels: MetricLabels | undefined, value: number): void;
}

/** Definition shared by every metric kind. */
export interface MetricOptions {
  /** Prometheus-style name, e.g. `omnimind_topic_messages_total`. */
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly string[];
}

/**
 * The metrics facade plugins and the core write to. The core ships an in-memory implementation;
 * the telemetry plugin backs it with prom-client. Creating a metric twice with the same name
 * returns the same metric.
 */
export interface Metrics {
  counter(options: MetricOptions): Counter;
  gauge(options: MetricOptions): Gauge;
  histogram(options: MetricOptions & { readonly buckets?: readonly number[] }): Histogram;
  /** A view whose metrics all carry these extra labels (used to give each plugin instance its own). */
  withLabels(labels: MetricLabels): Metrics;
}
