import { ServiceDuplicateError, TopicTypeMismatchError } from './bus-errors.js';

/** A server or client as the registry knows it. */
export interface RegistryParticipant {
  /** Fully qualified name of the owning node. */
  readonly node: string;
  /** Called on clients when a server appears (`true`) or goes away (`false`). */
  serverChanged?(available: boolean): void;
}

/** One service (or action) name: its type, its server and its clients. */
export interface RegistryEntry {
  readonly name: string;
  readonly type: string;
  server: RegistryParticipant | undefined;
  readonly clients: Set<RegistryParticipant>;
}

/**
 * Who serves and who calls each service (or action) name. Enforces one type per name and one
 * server per name, and tells clients when their server comes and goes.
 */
export class ServiceRegistry {
  readonly entries = new Map<string, RegistryEntry>();

  constructor(readonly kind: 'service' | 'action') {}

  /** Registers the server of `name`; throws when it has one or has another type. */
  addServer(name: string, type: string, server: RegistryParticipant): void {
    const entry = this.entry(name, type);
    if (entry.server) throw new ServiceDuplicateError(this.kind, name, entry.server.node);
    entry.server = server;
    for (const client of [...entry.clients]) client.serverChanged?.(true);
  }

  /** Unregisters `server`; its clients are told the service went away. */
  removeServer(name: string, server: RegistryParticipant): void {
    const entry = this.entries.get(name);
    if (!entry || entry.server !== server) return;
    entry.server = undefined;
    for (const client of [...entry.clients]) client.serverChanged?.(false);
    this.forgetIfUnused(entry);
  }

  /** Registers a client of `name`; throws when the name has another type. */
  addClient(name: string, type: string, client: RegistryParticipant): void {
    this.entry(name, type).clients.add(client);
  }

  /** Unregisters a client. */
  removeClient(name: string, client: RegistryParticipant): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.clients.delete(client);
    this.forgetIfUnused(entry);
  }

  /** True when `name` has a server now. */
  hasServer(name: string): boolean {
    return this.entries.get(name)?.server !== undefined;
  }

  private entry(name: string, type: string): RegistryEntry {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = { name, type, server: undefined, clients: new Set() };
      this.entries.set(name, entry);
    } else if (entry.type !== type) {
      throw new TopicTypeMismatchError(this.kind, name, entry.type, type);
    }
    return entry;
  }

  private forgetIfUnused(entry: RegistryEntry): void {
    if (!entry.server && entry.clients.size === 0) this.entries.delete(entry.name);
  }
}
