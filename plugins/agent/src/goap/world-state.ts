/**
 * The symbolic world the task planner reasons about: where the robot is (a named place), what it
 * holds, where each object is, what it has seen, its battery and whether it sits on a dock.
 *
 * Invariant: `objectAt[id]` is `null` exactly when `holding === id` (a held object travels with the
 * robot). States are immutable; actions return new ones.
 */
export interface WorldState {
  /** The place the robot is at. */
  readonly robotAt: string;
  /** The object in the gripper, or `null` when the hand is empty. */
  readonly holding: string | null;
  /** Place of each object, `null` while held. */
  readonly objectAt: Readonly<Record<string, string | null>>;
  /** What the robot has perceived: object ids and place (area) ids mapped to `true`. */
  readonly observed: Readonly<Record<string, boolean>>;
  /** Energy left in the battery, Wh. */
  readonly batteryWh: number;
  /** True while the robot sits on a dock (set by `dock` and `charge`, cleared by any motion). */
  readonly docked: boolean;
  /** Heading in radians in the map frame, or `null` when unknown (after travelling). */
  readonly heading: number | null;
  /** Seconds the robot has waited at its place since it last moved. */
  readonly waitedS: number;
}

/** Builds a state with defaults for the facts not given (empty hand, nothing observed, undocked). */
export function createWorldState(
  facts: Pick<WorldState, 'robotAt' | 'batteryWh'> & Partial<Omit<WorldState, 'robotAt' | 'batteryWh'>>,
): WorldState {
  return {
    holding: null,
    objectAt: {},
    observed: {},
    docked: false,
    heading: null,
    waitedS: 0,
    ...facts,
  };
}

/** Where `objectId` is: its place, the robot's place while held, `undefined` when unknown. */
export function objectPlace(state: WorldState, objectId: string): string | undefined {
  if (state.holding === objectId) return state.robotAt;
  return state.objectAt[objectId] ?? undefined;
}

/** True when `id` (an object or a place) has been observed. */
export function isObserved(state: WorldState, id: string): boolean {
  return state.observed[id] === true;
}

/**
 * A key for every fact but the battery level. Two states with equal keys differ at most in battery,
 * so the one with more energy and less cost so far dominates the other in search. Objects are
 * listed in the state's own key order, which every state derived from one start shares.
 */
export function discreteKey(state: WorldState): string {
  let key = `${state.robotAt}|${state.holding ?? ''}|`;
  for (const id in state.objectAt) key += `${state.objectAt[id] ?? '^'},`;
  const observed: string[] = [];
  for (const id in state.observed) if (state.observed[id] === true) observed.push(id);
  const heading = state.heading === null ? '?' : state.heading.toFixed(4);
  return `${key}|${observed.sort().join(',')}|${state.docked ? 1 : 0}|${heading}|${state.waitedS}`;
}

/** A key for the whole state, battery included (to 1 µWh). */
export function stateKey(state: WorldState): string {
  return `${discreteKey(state)}|${state.batteryWh.toFixed(6)}`;
}

/** Wraps an angle to (-π, π]. */
export function wrapAngle(angle: number): number {
  let a = angle % (2 * Math.PI);
  if (a > Math.PI) a -= 2 * Math.PI;
  if (a <= -Math.PI) a += 2 * Math.PI;
  return a;
}
