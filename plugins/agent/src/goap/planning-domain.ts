import type { BatteryParams } from '../energy/battery-params.js';
import { EnergyModel } from '../energy/energy-model.js';
import { InvalidDomain } from './goap-errors.js';

/** What the planner may do with an object. */
export interface ObjectCapabilities {
  /** Can be picked up with the gripper. */
  readonly graspable?: boolean;
  /** Can be pushed along the floor. */
  readonly pushable?: boolean;
  /** Has a handle to pull it by. */
  readonly pullable?: boolean;
}

/** Speeds and fixed durations of the robot's skills, as the planner estimates them. */
export interface RobotSkillParams {
  /** Travel speed, m/s. */
  readonly linearSpeed: number;
  /** Turning speed, rad/s. */
  readonly angularSpeed: number;
  /** Speed while pushing, m/s (default half the travel speed). */
  readonly pushSpeed?: number;
  /** Speed while pulling, m/s (default half the travel speed). */
  readonly pullSpeed?: number;
  /** Motor load while pushing or pulling (multiplies the speed-dependent current; default 1.5). */
  readonly contactLoadFactor?: number;
  /** Seconds to grasp, to release, to observe, and to dock (defaults 4, 3, 2, 5). */
  readonly graspS?: number;
  readonly releaseS?: number;
  readonly observeS?: number;
  readonly dockS?: number;
}

/**
 * A planning domain as authored: named places with a table of path-length estimates between
 * neighbours (metres, symmetric), docks, what can be seen from where, the objects, the robot.
 */
export interface DomainSpec {
  readonly places: readonly string[];
  /** `distances[a][b]`: path length from `a` to `b`, metres; pairs left out are not directly joined. */
  readonly distances: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Places with a charging dock. */
  readonly docks: readonly string[];
  /** Places visible from a place, besides itself (observation from afar). */
  readonly sightlines?: Readonly<Record<string, readonly string[]>>;
  readonly objects: Readonly<Record<string, ObjectCapabilities>>;
  readonly robot: RobotSkillParams;
  readonly battery: BatteryParams;
}

/** A validated domain with the shortest path length between every pair of places. */
export interface PlanningDomain {
  readonly places: readonly string[];
  readonly docks: readonly string[];
  readonly objects: Readonly<Record<string, Required<ObjectCapabilities>>>;
  readonly robot: Required<RobotSkillParams>;
  readonly energy: EnergyModel;
  /** Shortest path length between two places, metres (`Infinity` when not connected). */
  distance(from: string, to: string): number;
  /** True when `target` (a place) can be seen from `from`. */
  canSee(from: string, target: string): boolean;
  /** The dock nearest to `from` and its distance, or `undefined` when no dock is reachable. */
  nearestDock(from: string): { readonly dock: string; readonly distance: number } | undefined;
  /** True for a known place. */
  hasPlace(place: string): boolean;
}

/**
 * Validates `spec` and computes all-pairs shortest path lengths (Floyd–Warshall; domains have tens
 * of places), so that `move` goes straight to any reachable place.
 *
 * @throws {@link InvalidDomain} for a distance to an unknown place, a negative or non-finite
 * distance, an unknown dock or sightline, or a speed that is not positive.
 */
export function compileDomain(spec: DomainSpec): PlanningDomain {
  const places = [...spec.places];
  const index = new Map<string, number>();
  places.forEach((place, i) => {
    if (index.has(place)) throw new InvalidDomain(`place '${place}' is listed twice`, { place });
    index.set(place, i);
  });
  const n = places.length;
  const dist: number[][] = places.map((_, i) => places.map((__, j) => (i === j ? 0 : Infinity)));
  for (const [from, row] of Object.entries(spec.distances)) {
    const i = placeIndex(index, from, 'distances');
    for (const [to, metres] of Object.entries(row)) {
      const j = placeIndex(index, to, `distances.${from}`);
      if (!Number.isFinite(metres) || metres < 0) {
        throw new InvalidDomain(`distance ${from} → ${to} must be a finite number ≥ 0, got ${metres}`, { from, to });
      }
      const shorter = Math.min(dist[i]![j]!, metres);
      dist[i]![j] = shorter;
      dist[j]![i] = shorter;
    }
  }
  for (let k = 0; k < n; k++) {
    const rowK = dist[k]!;
    for (let i = 0; i < n; i++) {
      const rowI = dist[i]!;
      const ik = rowI[k]!;
      if (ik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const via = ik + rowK[j]!;
        if (via < rowI[j]!) rowI[j] = via;
      }
    }
  }
  for (const dock of spec.docks) placeIndex(index, dock, 'docks');
  const sight = places.map(() => new Set<number>());
  places.forEach((_, i) => sight[i]!.add(i));
  for (const [from, seen] of Object.entries(spec.sightlines ?? {})) {
    const i = placeIndex(index, from, 'sightlines');
    for (const target of seen) sight[i]!.add(placeIndex(index, target, `sightlines.${from}`));
  }
  const robot = completeRobot(spec.robot);
  const objects: Record<string, Required<ObjectCapabilities>> = {};
  for (const [id, caps] of Object.entries(spec.objects)) {
    if (index.has(id)) throw new InvalidDomain(`object '${id}' has the name of a place`, { object: id });
    objects[id] = {
      graspable: caps.graspable ?? false,
      pushable: caps.pushable ?? false,
      pullable: caps.pullable ?? false,
    };
  }
  let energy: EnergyModel;
  try {
    energy = new EnergyModel(spec.battery);
  } catch (error) {
    throw new InvalidDomain(`invalid battery: ${(error as Error).message}`, { field: 'battery' });
  }
  const docks = [...spec.docks];
  const lookup = (place: string): number => index.get(place) ?? -1;
  return {
    places,
    docks,
    objects,
    robot,
    energy,
    distance(from, to) {
      const i = lookup(from);
      const j = lookup(to);
      return i < 0 || j < 0 ? Infinity : dist[i]![j]!;
    },
    canSee(from, target) {
      const i = lookup(from);
      const j = lookup(target);
      return i >= 0 && j >= 0 && sight[i]!.has(j);
    },
    nearestDock(from) {
      let best: { dock: string; distance: number } | undefined;
      for (const dock of docks) {
        const d = this.distance(from, dock);
        if (d < Infinity && (best === undefined || d < best.distance)) best = { dock, distance: d };
      }
      return best;
    },
    hasPlace: (place) => index.has(place),
  };
}

function placeIndex(index: ReadonlyMap<string, number>, place: string, where: string): number {
  const i = index.get(place);
  if (i === undefined) throw new InvalidDomain(`unknown place '${place}' in ${where}`, { place, where });
  return i;
}

function completeRobot(robot: RobotSkillParams): Required<RobotSkillParams> {
  const full: Required<RobotSkillParams> = {
    linearSpeed: robot.linearSpeed,
    angularSpeed: robot.angularSpeed,
    pushSpeed: robot.pushSpeed ?? robot.linearSpeed / 2,
    pullSpeed: robot.pullSpeed ?? robot.linearSpeed / 2,
    contactLoadFactor: robot.contactLoadFactor ?? 1.5,
    graspS: robot.graspS ?? 4,
    releaseS: robot.releaseS ?? 3,
    observeS: robot.observeS ?? 2,
    dockS: robot.dockS ?? 5,
  };
  for (const key of ['linearSpeed', 'angularSpeed', 'pushSpeed', 'pullSpeed', 'contactLoadFactor'] as const) {
    if (!(full[key] > 0) || !Number.isFinite(full[key])) {
      throw new InvalidDomain(`robot.${key} must be a positive number, got ${full[key]}`, { field: key });
    }
  }
  for (const key of ['graspS', 'releaseS', 'observeS', 'dockS'] as const) {
    if (!(full[key] >= 0) || !Number.isFinite(full[key])) {
      throw new InvalidDomain(`robot.${key} must be a number ≥ 0, got ${full[key]}`, { field: key });
    }
  }
  return full;
}
