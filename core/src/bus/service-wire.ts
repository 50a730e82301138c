/**
 * What travels on a service's hidden request topic: the request plus the header that routes the
 * reply (like the request header ROS 2 middleware adds). `cancel` tells the server that the
 * client gave up (timeout, abort, close), so the handler's signal aborts.
 */
export interface ServiceRequestMessage<Req> {
  /** Fully qualified name of the calling node. */
  readonly client: string;
  /** Bus-unique id of the client endpoint; replies carry it back. */
  readonly clientId: number;
  readonly requestId: number;
  readonly request?: Req;
  readonly cancel?: boolean;
}

/** What travels on a service's hidden reply topic; every client filters by `clientId`. */
export interface ServiceReplyMessage<Res> {
  readonly clientId: number;
  readonly requestId: number;
  /** False when the handler threw; `error` is then what it threw (in process, by reference). */
  readonly ok: boolean;
  readonly response?: Res;
  readonly error?: unknown;
}

/** Type name of a service's request topic, as ROS 2 names the request part of a `.srv`. */
export function serviceRequestType(serviceType: string): string {
  return `${serviceType}_Request`;
}

/** Type name of a service's reply topic. */
export function serviceReplyType(serviceType: string): string {
  return `${serviceType}_Response`;
}

/** True for a value with a `then` method. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== undefined && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}
