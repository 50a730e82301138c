import type { ActionServerOptions, Bus, ServiceRequestInfo, Topic } from '../bus/bus-types.js';
import type { ResourceScope } from './resource-scope.js';

/**
 * A node's bus as its plugin sees it: the same API, but every subscription, server and client is
 * tied to the lifecycle scope that opened it, so `deactivate` and `cleanup` release them.
 */
export function createScopedBus(bus: Bus, currentScope: () => ResourceScope): Bus {
  const track = <R extends { close(): void } | { unsubscribe(): void }>(resource: R): R => {
    currentScope().add(() => ('close' in resource ? resource.close() : resource.unsubscribe()));
    return resource;
  };
  const scopedTopic = <T>(topic: Topic<T>): Topic<T> => ({
    get name() {
      return topic.name;
    },
    get type() {
      return topic.type;
    },
    get qos() {
      return topic.qos;
    },
    publish: (message) => topic.publish(message),
    advertise: () => topic.advertise(),
    observe: (qos) => topic.observe(qos),
    subscribe: (handler, qos) => track(topic.subscribe(handler, qos)),
  });
  const scoped: Bus = {
    get node() {
      return bus.node;
    },
    topic: ((name: string, type: string, options?: Parameters<Bus['topic']>[2]) =>
      scopedTopic(bus.topic(name, type, options))) as Bus['topic'],
    resolveName: (name, kind) => bus.resolveName(name, kind),
    serviceServer: ((name: string, type: string, handler: (request: unknown, info: ServiceRequestInfo) => unknown) =>
      track(bus.serviceServer(name, type, handler))) as Bus['serviceServer'],
    serviceClient: ((name: string, type: string) => track(bus.serviceClient(name, type))) as Bus['serviceClient'],
    actionServer: ((name: string, type: string, options: ActionServerOptions<unknown, unknown, unknown>) =>
      track(bus.actionServer(name, type, options))) as Bus['actionServer'],
    actionClient: ((name: string, type: string) => track(bus.actionClient(name, type))) as Bus['actionClient'],
    get graph() {
      return bus.graph;
    },
    get events() {
      return bus.events;
    },
    dispose: () => bus.dispose(),
  };
  return scoped;
}
