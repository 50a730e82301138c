import type { Observable } from 'rxjs';
import type { builtin_interfaces } from '@omnimind/core';

/** One object seen at one moment: who it is and where it was, in the map frame. */
export interface ObjectSighting {
  /** The object's id (unique in the world). */
  readonly id: string;
  /** Its class, e.g. `box`, `ball`. */
  readonly label: string;
  /** Its colour name, e.g. `red`. */
  readonly color: string;
  /** Where it was, in the map frame: metres and radians. */
  readonly pose: { readonly x: number; readonly y: number; readonly theta: number };
  /** When it was seen. */
  readonly stamp: builtin_interfaces.Time;
  /** Name of the robot holding it, or undefined when it lies free. */
  readonly heldBy: string | undefined;
  /** Distance from the camera to the object's centre when seen, in metres. */
  readonly distance: number;
}

/**
 * What the agent knows about the objects around it: the ones visible now, and a stream of what
 * it sees. An implementation may be a trained detector or a stand-in for one.
 *
 * @example
 * ```ts
 * const perception: ObjectPerception = new SimulatedObjectPerception(robotBus);
 * perception.sightings$.subscribe((seen) => console.log(seen.map((s) => s.id)));
 * const red = perception.sightings().find((s) => s.color === 'red');
 * ```
 */
export interface ObjectPerception {
  /** The objects visible in the latest observation (empty before the first one). */
  sightings(): readonly ObjectSighting[];
  /** Every observation as it comes: the objects visible in it (possibly none). */
  readonly sightings$: Observable<readonly ObjectSighting[]>;
  /** Stops observing; the stream completes. */
  close(): void;
}
