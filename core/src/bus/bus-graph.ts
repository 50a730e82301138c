import type { BusGraph, EndpointInfo, GraphListOptions, ServiceInfo, TopicInfo } from './bus-types.js';
import type { BusRuntime } from './bus-runtime.js';
import { isHiddenName } from './hidden-names.js';
import type { ServiceRegistry } from './service-registry.js';
import type { TopicState } from './topic-state.js';

function describeTopic(topic: TopicState): TopicInfo {
  const endpoint = (node: string, kind: EndpointInfo['kind'], qos: EndpointInfo['qos']): EndpointInfo => ({
    node,
    topic: topic.name,
    type: topic.type,
    kind,
    qos,
  });
  return {
    name: topic.name,
    type: topic.type,
    publishers: topic.publishers.map((p) => endpoint(p.node, 'publisher', p.qos)),
    subscriptions: topic.subscriptions.map((s) => endpoint(s.node, 'subscription', s.qos)),
    messageCount: topic.seq,
    rateHz: topic.rate.rateHz(topic.rateClock.nowMs()),
  };
}

function describeServices(registry: ServiceRegistry, includeHidden: boolean): ServiceInfo[] {
  const out: ServiceInfo[] = [];
  for (const entry of registry.entries.values()) {
    if (!includeHidden && isHiddenName(entry.name)) continue;
    out.push({
      name: entry.name,
      type: entry.type,
      servers: entry.server ? [entry.server.node] : [],
      clients: [...new Set([...entry.clients].map((c) => c.node))].sort(),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Introspection over a bus runtime: built on demand, nothing is counted per message. */
export class RuntimeGraph implements BusGraph {
  constructor(private readonly runtime: BusRuntime) {}

  /** Topics with at least one publisher or subscription, sorted by name. */
  topics(options: GraphListOptions = {}): TopicInfo[] {
    const out: TopicInfo[] = [];
    for (const topic of this.runtime.topics.values()) {
      if (topic.publishers.length === 0 && topic.subscriptions.length === 0) continue;
      if (!options.includeHidden && isHiddenName(topic.name)) continue;
      out.push(describeTopic(topic));
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One topic by fully qualified name (hidden ones included). */
  topic(name: string): TopicInfo | undefined {
    const topic = this.runtime.topics.get(name);
    return topic ? describeTopic(topic) : undefined;
  }

  /** Services with their server and clients (those of actions are hidden). */
  services(options: GraphListOptions = {}): ServiceInfo[] {
    return describeServices(this.runtime.services, options.includeHidden ?? false);
  }

  /** Actions with their server and clients. */
  actions(): ServiceInfo[] {
    return describeServices(this.runtime.actions, true);
  }

  /** Nodes owning at least one endpoint, sorted. */
  nodes(): string[] {
    const names = new Set<string>();
    for (const topic of this.runtime.topics.values()) {
      for (const p of topic.publishers) names.add(p.node);
      for (const s of topic.subscriptions) names.add(s.node);
    }
    for (const registry of [this.runtime.services, this.runtime.actions]) {
      for (const entry of registry.entries.values()) {
        if (entry.server) names.add(entry.server.node);
        for (const c of entry.clients) names.add(c.node);
      }
    }
    return [...names].sort();
  }
}
