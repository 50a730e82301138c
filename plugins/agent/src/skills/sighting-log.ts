import type { Subscription } from 'rxjs';
import type { Clock } from '@omnimind/core';
import type { ObjectPerception, ObjectSighting } from '../perception/object-perception.js';

/** A sighting with the clock time it was made. */
export interface LoggedSighting {
  readonly sighting: ObjectSighting;
  /** Clock time of the observation, in milliseconds. */
  readonly seenAtMs: number;
}

/** Remembers the latest sighting of every object a perception has reported, and when it was made. */
export class SightingLog {
  private readonly latest = new Map<string, LoggedSighting>();
  private readonly subscription: Subscription;

  constructor(
    perception: ObjectPerception,
    private readonly clock: Clock,
  ) {
    this.record(perception.sightings());
    this.subscription = perception.sightings$.subscribe((seen) => this.record(seen));
  }

  /** The latest sighting of `id`, or undefined when it was never seen. */
  get(id: string): LoggedSighting | undefined {
    return this.latest.get(id);
  }

  /** Milliseconds of the clock since `id` was last seen (Infinity when never). */
  ageMs(id: string): number {
    const logged = this.latest.get(id);
    return logged ? this.clock.nowMs() - logged.seenAtMs : Infinity;
  }

  /** Stops listening. */
  close(): void {
    this.subscription.unsubscribe();
  }

  private record(seen: readonly ObjectSighting[]): void {
    const now = this.clock.nowMs();
    for (const sighting of seen) this.latest.set(sighting.id, { sighting, seenAtMs: now });
  }
}
