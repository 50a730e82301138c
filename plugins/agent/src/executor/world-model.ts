import { Subject, type Observable } from 'rxjs';
import type { GoalCondition } from '../goap/goal-condition.js';
import type { ObjectCapabilities } from '../goap/planning-domain.js';
import type { WorldState } from '../goap/world-state.js';
import { createWorldState } from '../goap/world-state.js';
import type { DockSpot, PlacePose, SemanticMap } from './semantic-map.js';

/** The place name of the robot's own position when it is at no named place. */
export const HERE = 'here';
/** Prefix of the place of an object that lies at no named place. */
export const OBJECT_PLACE_PREFIX = '@';

/** A sighting of an object (from perception), in the map frame. */
export interface ObjectSightingLike {
  readonly id: string;
  readonly pose: { readonly x: number; readonly y: number; readonly theta: number };
  /** Name of the robot holding it, if one does. */
  readonly heldBy?: string | undefined;
}

/** What the agent believes about one object. */
interface ObjectBelief {
  readonly capabilities: Required<ObjectCapabilities>;
  /** Where it was last seen, if ever. */
  pose: PlacePose | undefined;
  /** Named place it is expected at while not seen (the search's current guess). */
  expectedAt: string | undefined;
  /** Places searched for it without finding it. */
  readonly searched: Set<string>;
}

/** A change in what the agent believes about the world, for plan monitoring. */
export interface WorldChange {
  readonly kind: 'object-moved' | 'object-lost' | 'object-found';
  readonly object: string;
  readonly detail: string;
}

/** The symbolic view of the world for one planning round: places with their poses and the state. */
export interface SymbolicView {
  readonly state: WorldState;
  /** Pose of each place the state mentions (named places, docks, `here`, object places). */
  readonly placePoses: ReadonlyMap<string, PlacePose>;
  /** Capabilities of the objects planned over. */
  readonly objects: Readonly<Record<string, Required<ObjectCapabilities>>>;
}

/** Options of {@link WorldModel}. */
export interface WorldModelOptions {
  /** An object within this distance of a named place is at that place (m). */
  readonly placeTolerance: number;
  /** A sighting farther than this from the belief counts as the object having moved (m). */
  readonly movedThreshold?: number;
  /** The robot within this distance of a place is at it (m). */
  readonly robotTolerance?: number;
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * What the agent believes: its pose and battery, what it holds, and where each object is (last
 * sighting, or the place it is expected at). It turns that into the symbolic {@link WorldState}
 * the task planner works on, and reports changes that may invalidate a plan on {@link changes$}.
 */
export class WorldModel {
  private readonly beliefs = new Map<string, ObjectBelief>();
  private readonly changeSubject = new Subject<WorldChange>();
  private robotPose: PlacePose | undefined;
  private batteryFraction: number | undefined;
  private holdingId: string | null = null;
  private readonly movedThreshold: number;
  private readonly robotTolerance: number;

  constructor(
    readonly map: SemanticMap,
    objects: Readonly<Record<string, ObjectCapabilities & { readonly at: string }>>,
    private readonly options: WorldModelOptions,
  ) {
    this.movedThreshold = options.movedThreshold ?? 0.3;
    this.robotTolerance = options.robotTolerance ?? 0.35;
    for (const [id, o] of Object.entries(objects)) {
      this.beliefs.set(id, {
        capabilities: { graspable: o.graspable ?? false, pushable: o.pushable ?? false, pullable: o.pullable ?? false },
        pose: undefined,
        expectedAt: o.at,
        searched: new Set(),
      });
    }
  }

  /** Changes of belief that may invalidate a plan. */
  get changes$(): Observable<WorldChange> {
    return this.changeSubject.asObservable();
  }

  /** The robot's latest pose, if known. */
  get pose(): PlacePose | undefined {
    return this.robotPose;
  }

  /** State of charge 0–1, if known. */
  get battery(): number | undefined {
    return this.batteryFraction;
  }

  /** The object in the gripper, or null. */
  get holding(): string | null {
    return this.holdingId;
  }

  /** Ids of the objects the agent knows. */
  objectIds(): string[] {
    return [...this.beliefs.keys()];
  }

  /** Where `id` was last seen, if ever. */
  objectPose(id: string): PlacePose | undefined {
    return this.beliefs.get(id)?.pose;
  }

  /** The pose of a named place or dock, if it exists. */
  placePose(name: string): PlacePose | undefined {
    return this.map.places[name] ?? this.map.docks.find((d) => d.id === name)?.pose;
  }

  /** The dock named `id`, if any. */
  dock(id: string): DockSpot | undefined {
    return this.map.docks.find((d) => d.id === id);
  }

  setRobotPose(pose: PlacePose): void {
    this.robotPose = pose;
  }

  setBattery(fraction: number): void {
    this.batteryFraction = fraction;
  }

  setHolding(id: string | null): void {
    this.holdingId = id;
    if (id !== null) {
      const belief = this.beliefs.get(id);
      // It travels with the robot now; where it lies next is found when it is put down.
      if (belief) {
        belief.expectedAt = undefined;
        belief.pose = undefined;
      }
    }
  }

  /** Records where the robot itself just put `id` down: no change to report, the plan did it. */
  placed(id: string, pose: PlacePose): void {
    const belief = this.beliefs.get(id);
    if (!belief) return;
    belief.pose = pose;
    belief.expectedAt = undefined;
    belief.searched.clear();
  }

  /** Records what perception sees now; objects held by a robot other than this one are skipped. */
  observe(sightings: readonly ObjectSightingLike[]): void {
    for (const s of sightings) {
      const belief = this.beliefs.get(s.id);
      if (!belief || s.heldBy !== undefined || this.holdingId === s.id) continue;
      const previous = belief.pose;
      belief.pose = { x: s.pose.x, y: s.pose.y, theta: s.pose.theta };
      belief.expectedAt = undefined;
      belief.searched.clear();
      if (previous === undefined) {
        this.changeSubject.next({ kind: 'object-found', object: s.id, detail: `seen at ${fmt(belief.pose)}` });
      } else if (distance(previous, s.pose) > this.movedThreshold) {
        this.changeSubject.next({
          kind: 'object-moved',
          object: s.id,
          detail: `moved from ${fmt(previous)} to ${fmt(belief.pose)}`,
        });
      }
    }
  }

  /**
   * Records that a look around `place` did not find `id`: the belief forgets its pose and guesses
   * the nearest named place not searched yet. Returns false when every place has been searched.
   */
  markNotFound(id: string, place: string): boolean {
    const belief = this.beliefs.get(id);
    if (!belief) return false;
    const from = belief.pose ?? this.placePose(place) ?? this.robotPose;
    belief.searched.add(place);
    if (belief.expectedAt !== undefined) belief.searched.add(belief.expectedAt);
    belief.pose = undefined;
    const candidates = Object.entries(this.map.places)
      .filter(([name]) => !belief.searched.has(name))
      .sort(([, a], [, b]) => (from ? distance(a, from) - distance(b, from) : 0));
    belief.expectedAt = candidates[0]?.[0];
    this.changeSubject.next({
      kind: 'object-lost',
      object: id,
      detail: `not at ${place}; ${belief.expectedAt ? `next guess ${belief.expectedAt}` : 'searched everywhere'}`,
    });
    return belief.expectedAt !== undefined;
  }

  /** The named place nearest to `pose` within `tolerance`, if any. */
  nearestPlace(pose: { x: number; y: number }, tolerance: number): string | undefined {
    let best: { name: string; d: number } | undefined;
    for (const [name, p] of Object.entries(this.map.places)) {
      const d = distance(p, pose);
      if (d <= tolerance && (best === undefined || d < best.d)) best = { name, d };
    }
    for (const dock of this.map.docks) {
      const d = distance(dock.pose, pose);
      if (d <= Math.min(tolerance, dock.radius) && (best === undefined || d < best.d)) best = { name: dock.id, d };
    }
    return best?.name;
  }

  /** True when the robot's centre is within a dock's radius. */
  onDock(): boolean {
    const pose = this.robotPose;
    return pose !== undefined && this.map.docks.some((d) => distance(d.pose, pose) <= d.radius);
  }

  /**
   * The symbolic view for planning `goal`: the robot's place (a named place it stands at, else
   * `here`), the objects the goal names (at a named place when within the tolerance of one, else
   * at their own `@id` place), what is observed, the battery, the docks and the goal's places.
   *
   * @param capacityWh battery capacity, to turn the state of charge into energy.
   */
  symbolicView(goal: GoalCondition, capacityWh: number): SymbolicView {
    const pose = this.robotPose ?? { x: 0, y: 0, theta: 0 };
    const placePoses = new Map<string, PlacePose>();
    const robotAt = this.nearestPlace(pose, this.robotTolerance) ?? HERE;
    placePoses.set(robotAt, robotAt === HERE ? pose : (this.placePose(robotAt) ?? pose));
    for (const dock of this.map.docks) placePoses.set(dock.id, dock.pose);
    const goalPlaces = [goal.robotAt, ...Object.values(goal.objectAt ?? {})].filter(
      (p): p is string => p !== undefined,
    );
    for (const place of goalPlaces) {
      const p = this.placePose(place);
      if (p) placePoses.set(place, p);
    }
    const wanted = new Set([...Object.keys(goal.objectAt ?? {}), ...(goal.observed ?? [])]);
    if (typeof goal.holding === 'string') wanted.add(goal.holding);
    if (this.holdingId !== null) wanted.add(this.holdingId);
    const objectAt: Record<string, string | null> = {};
    const observed: Record<string, boolean> = {};
    const objects: Record<string, Required<ObjectCapabilities>> = {};
    for (const id of wanted) {
      const belief = this.beliefs.get(id);
      if (!belief) continue;
      objects[id] = belief.capabilities;
      if (this.holdingId === id) {
        objectAt[id] = null;
        observed[id] = true;
        continue;
      }
      if (belief.pose) {
        const named = this.nearestPlace(belief.pose, this.options.placeTolerance);
        const place = named ?? `${OBJECT_PLACE_PREFIX}${id}`;
        if (!placePoses.has(place)) placePoses.set(place, named ? this.placePose(named)! : belief.pose);
        objectAt[id] = place;
        observed[id] = true;
      } else if (belief.expectedAt !== undefined) {
        const p = this.placePose(belief.expectedAt);
        if (p) placePoses.set(belief.expectedAt, p);
        objectAt[id] = belief.expectedAt;
      }
    }
    const state = createWorldState({
      robotAt,
      batteryWh: (this.batteryFraction ?? 1) * capacityWh,
      holding: this.holdingId,
      objectAt,
      observed,
      docked: this.onDock(),
      heading: pose.theta,
    });
    return { state, placePoses, objects };
  }
}

function fmt(p: { x: number; y: number }): string {
  return `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;
}
