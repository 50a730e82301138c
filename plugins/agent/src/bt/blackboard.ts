/** Options of a child {@link Blackboard} (a SubTree's scope). */
export interface BlackboardScopeOptions {
  /**
   * When true (`_autoremap="true"`), keys this scope does not hold are read from and created in
   * the parent, except private keys (starting with `_`).
   */
  readonly autoRemap?: boolean;
}

/**
 * The key-value store that nodes share through their ports. A SubTree gets a child scope whose
 * keys are its own unless remapped to a parent key (or auto-remapped). `@key` always addresses the
 * root scope. Values pass by reference, as messages do on the bus.
 *
 * @example
 * ```ts
 * const root = new Blackboard();
 * const scope = root.createScope({ autoRemap: false });
 * scope.addRemapping('goal', 'target'); // the subtree's "goal" is the parent's "target"
 * scope.set('goal', { x: 1, y: 2 });
 * root.get('target'); // { x: 1, y: 2 }
 * ```
 */
export class Blackboard {
  private readonly entries = new Map<string, unknown>();
  private readonly remappings = new Map<string, string>();
  private readonly root: Blackboard;

  constructor(
    /** The enclosing scope, if this is a SubTree's scope. */
    readonly parent?: Blackboard,
    private readonly options: BlackboardScopeOptions = {},
  ) {
    this.root = parent ? parent.root : this;
  }

  /** A child scope of this blackboard. */
  createScope(options: BlackboardScopeOptions = {}): Blackboard {
    return new Blackboard(this, options);
  }

  /** Makes this scope's `internal` key an alias of the parent's `external` key. */
  addRemapping(internal: string, external: string): void {
    this.remappings.set(internal, external);
  }

  /** The value of `key`, or undefined when no scope on its way holds it. */
  get(key: string): unknown {
    const owner = this.resolve(key, false);
    return owner ? owner.scope.entries.get(owner.key) : undefined;
  }

  /** True when `key` has a value (following remappings). */
  has(key: string): boolean {
    const owner = this.resolve(key, false);
    return owner !== undefined && owner.scope.entries.has(owner.key);
  }

  /** Sets `key`, in the scope that a remapping or auto-remapping points to. */
  set(key: string, value: unknown): void {
    const owner = this.resolve(key, true) as { scope: Blackboard; key: string };
    owner.scope.entries.set(owner.key, value);
  }

  /** Removes `key` where it lives; returns whether it was there. */
  delete(key: string): boolean {
    const owner = this.resolve(key, false);
    return owner !== undefined && owner.scope.entries.delete(owner.key);
  }

  /** The keys this scope itself holds (not its parent's). */
  localKeys(): string[] {
    return [...this.entries.keys()];
  }

  /** This scope's own entries as a plain object (for logs and snapshots). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.entries);
  }

  /**
   * Where `key` lives. Reading stops at undefined when no scope holds it; creating puts a new
   * entry where remapping or auto-remapping says, else here.
   */
  private resolve(key: string, create: boolean): { scope: Blackboard; key: string } | undefined {
    if (key.startsWith('@')) return this.root.resolve(key.slice(1), create);
    const remapped = this.remappings.get(key);
    if (remapped !== undefined && this.parent) return this.parent.resolve(remapped, create);
    if (this.entries.has(key)) return { scope: this, key };
    if (this.options.autoRemap && this.parent && !key.startsWith('_')) return this.parent.resolve(key, create);
    return create ? { scope: this, key } : undefined;
  }
}
