import { OmniError } from '../errors/omni-error.js';
import type { Counter, Gauge, Histogram, MetricLabels, MetricOptions, Metrics } from './metrics.js';

/** One series as read back from {@link InMemoryMetrics}. */
export interface MetricSample {
  readonly name: string;
  readonly kind: 'counter' | 'gauge' | 'histogram';
  readonly labels: MetricLabels;
  /** Counter/gauge value, or the histogram's sum. */
  readonly value: number;
  /** Number of observations (histograms only). */
  readonly count?: number;
}

interface Series {
  labels: MetricLabels;
  value: number;
  count: number;
}

interface Family {
  kind: MetricSample['kind'];
  help: string;
  series: Map<string, Series>;
}

const labelKey = (labels: MetricLabels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

/**
 * Metrics kept in process memory: the default backend, readable by tests and `omnimind doctor`,
 * and cheap enough to leave on.
 */
export class InMemoryMetrics implements Metrics {
  private readonly families = new Map<string, Family>();

  constructor(
    private readonly baseLabels: MetricLabels = {},
    shared?: InMemoryMetrics,
  ) {
    if (shared) this.families = shared.families;
  }

  counter(options: MetricOptions): Counter {
    const series = this.family(options, 'counter');
    return { inc: (labels, value = 1) => (series(labels).value += value) };
  }

  gauge(options: MetricOptions): Gauge {
    const series = this.family(options, 'gauge');
    return {
      set: (labels, value) => (series(labels).value = value),
      inc: (labels, value = 1) => (series(labels).value += value),
      dec: (labels, value = 1) => (series(labels).value -= value),
    };
  }

  histogram(options: MetricOptions & { readonly buckets?: readonly number[] }): Histogram {
    const series = this.family(options, 'histogram');
    return {
      observe: (labels, value) => {
        const s = series(labels);
        s.value += value;
        s.count += 1;
      },
    };
  }

  withLabels(labels: MetricLabels): Metrics {
    return new InMemoryMetrics({ ...this.baseLabels, ...labels }, this);
  }

  /** Every series recorded so far, sorted by name. */
  samples(): MetricSample[] {
    const out: MetricSample[] = [];
    for (const [name, family] of [...this.families].sort(([a], [b]) => a.localeCompare(b))) {
      for (const s of family.series.values()) {
        out.push({
          name,
          kind: family.kind,
          labels: s.labels,
          value: s.value,
          ...(family.kind === 'histogram' ? { count: s.count } : {}),
        });
      }
    }
    return out;
  }

  /** The value of one series (0 when never written). */
  value(name: string, labels: MetricLabels = {}): number {
    return this.families.get(name)?.series.get(labelKey(labels))?.value ?? 0;
  }

  private family(options: MetricOptions, kind: Family['kind']): (labels?: MetricLabels) => Series {
    let family = this.families.get(options.name);
    if (!family) {
      family = { kind, help: options.help, series: new Map() };
      this.families.set(options.name, family);
    } else if (family.kind !== kind) {
      throw new OmniError(
        'OMNI_ERR_METRIC_KIND',
        `metric '${options.name}' is already registered as a ${family.kind}, not a ${kind}`,
      );
    }
    const { series } = family;
    const base = this.baseLabels;
    return (labels) => {
      const all = labels ? { ...base, ...labels } : base;
      const key = labelKey(all);
      let s = series.get(key);
      if (!s) {
        s = { labels: all, value: 0, count: 0 };
        series.set(key, s);
      }
      return s;
    };
  }
}
