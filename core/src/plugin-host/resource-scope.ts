/**
 * Resources a plugin opened during one lifecycle phase (configure → cleanup, or activate →
 * deactivate), released together and in reverse order.
 */
export class ResourceScope {
  private readonly disposers: Array<() => void> = [];
  private readonly controller = new AbortController();

  /** Aborted when the scope is released. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get released(): boolean {
    return this.controller.signal.aborted;
  }

  /** Adds a release function; if the scope is already released, runs it at once. */
  add(dispose: () => void): void {
    if (this.released) {
      dispose();
      return;
    }
    this.disposers.push(dispose);
  }

  /** Releases everything (last added first); returns the errors disposers threw. */
  release(): unknown[] {
    if (this.released) return [];
    this.controller.abort();
    const errors: unknown[] = [];
    while (this.disposers.length > 0) {
      const dispose = this.disposers.pop();
      try {
        dispose?.();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}
