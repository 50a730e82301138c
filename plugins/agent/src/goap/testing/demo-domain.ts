import type { BatteryParams } from '../../energy/battery-params.js';
import type { DomainSpec } from '../planning-domain.js';
import { compileDomain } from '../planning-domain.js';
import type { PlanningDomain } from '../planning-domain.js';
import type { WorldState } from '../world-state.js';
import { createWorldState } from '../world-state.js';

/** The mobile manipulator's battery (robots/mobile-manipulator/robot.yaml). */
export const MANIPULATOR_BATTERY: BatteryParams = {
  capacityAh: 1.8,
  nominalVoltage: 11.1,
  idleCurrent: 0.7,
  currentPerLinearSpeed: 2.0,
  currentPerAngularSpeed: 0.3,
  chargeCurrent: 1.8,
};

/**
 * A small apartment: the dock, a hall that sees the shelf, the kitchen and the dock, a shelf,
 * a kitchen and a door; a red box to fetch, a cart to push and a trolley to pull.
 *
 * ```
 * dock —4— hall —6— shelf
 *           |        |
 *           5        8
 *           |        |
 *         kitchen —3— door   (kitchen–shelf 8)
 * ```
 */
export const DEMO_SPEC: DomainSpec = {
  places: ['dock', 'hall', 'shelf', 'kitchen', 'door'],
  distances: {
    dock: { hall: 4 },
    hall: { shelf: 6, kitchen: 5 },
    kitchen: { door: 3, shelf: 8 },
  },
  docks: ['dock'],
  sightlines: { hall: ['shelf', 'kitchen', 'dock'], kitchen: ['door'] },
  objects: {
    red_box: { graspable: true },
    cart: { pushable: true },
    trolley: { pullable: true },
  },
  robot: { linearSpeed: 0.5, angularSpeed: 1.0 },
  battery: MANIPULATOR_BATTERY,
};

/** {@link DEMO_SPEC} compiled. */
export function demoDomain(): PlanningDomain {
  return compileDomain(DEMO_SPEC);
}

/** The robot in the hall with a full battery; box on the shelf, cart in the kitchen, trolley at the door. */
export function demoState(overrides: Partial<WorldState> = {}): WorldState {
  return createWorldState({
    robotAt: 'hall',
    batteryWh: 1.8 * 11.1,
    objectAt: { red_box: 'shelf', cart: 'kitchen', trolley: 'door' },
    ...overrides,
  });
}

/**
 * A bigger variant: 8 places on a ring with two chords, 10 objects (graspable, some pushable), one dock.
 */
export function warehouseSpec(): DomainSpec {
  const places = ['dock', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
  const distances: Record<string, Record<string, number>> = {};
  places.forEach((place, i) => {
    const next = places[(i + 1) % places.length]!;
    distances[place] = { ...distances[place], [next]: 3 + (i % 3) };
  });
  distances['p1'] = { ...distances['p1'], p5: 7 };
  distances['p3'] = { ...distances['p3'], p7: 6 };
  const objects: Record<string, { graspable: boolean; pushable: boolean }> = {};
  for (let i = 0; i < 10; i++) objects[`o${i}`] = { graspable: true, pushable: i % 3 === 0 };
  const sightlines: Record<string, string[]> = {};
  places.forEach((place, i) => {
    sightlines[place] = [places[(i + 1) % places.length]!, places[(i + places.length - 1) % places.length]!];
  });
  return {
    places,
    distances,
    docks: ['dock'],
    sightlines,
    objects,
    robot: { linearSpeed: 0.5, angularSpeed: 1.0 },
    battery: MANIPULATOR_BATTERY,
  };
}

/** The start of the bigger variant: robot at p2, object i at place (i mod 7) + 1, battery full. */
export function warehouseState(): WorldState {
  const objectAt: Record<string, string> = {};
  for (let i = 0; i < 10; i++) objectAt[`o${i}`] = `p${(i % 7) + 1}`;
  return createWorldState({ robotAt: 'p2', batteryWh: 1.8 * 11.1, objectAt });
}
