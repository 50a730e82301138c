import { describe, expect, it } from 'vitest';
import { WorldModel, type WorldChange } from './world-model.js';
import type { SemanticMap } from './semantic-map.js';

const map: SemanticMap = {
  places: { pick_up: { x: 2, y: 10, theta: 0 }, drop: { x: 1, y: 8, theta: Math.PI }, hall: { x: 6, y: 6, theta: 0 } },
  docks: [{ id: 'dock', pose: { x: 0.5, y: 7, theta: Math.PI }, radius: 0.35 }],
};
const CAPACITY = 20;

function model(): { world: WorldModel; changes: WorldChange[] } {
  const world = new WorldModel(map, { box: { at: 'pick_up', graspable: true } }, { placeTolerance: 0.6 });
  const changes: WorldChange[] = [];
  world.changes$.subscribe((c) => void changes.push(c));
  world.setRobotPose({ x: 6, y: 6.1, theta: 0 });
  world.setBattery(0.5);
  return { world, changes };
}

describe('the world model', () => {
  it('puts an unseen object at the place it is expected, unobserved, and the robot at its place', () => {
    const { world } = model();
    const view = world.symbolicView({ objectAt: { box: 'drop' } }, CAPACITY);
    expect(view.state).toMatchObject({ robotAt: 'hall', objectAt: { box: 'pick_up' }, observed: {}, batteryWh: 10 });
    expect([...view.placePoses.keys()].sort()).toEqual(['dock', 'drop', 'hall', 'pick_up']);
    expect(view.objects['box']).toEqual({ graspable: true, pushable: false, pullable: false });
  });

  it('gives a seen object its own place unless it lies at a named one, and reports moves', () => {
    const { world, changes } = model();
    world.observe([{ id: 'box', pose: { x: 3.5, y: 11, theta: 0 } }]);
    let view = world.symbolicView({ objectAt: { box: 'drop' } }, CAPACITY);
    expect(view.state.objectAt).toEqual({ box: '@box' });
    expect(view.state.observed).toEqual({ box: true });
    expect(view.placePoses.get('@box')).toEqual({ x: 3.5, y: 11, theta: 0 });
    world.observe([{ id: 'box', pose: { x: 1.2, y: 8.2, theta: 0 } }]);
    view = world.symbolicView({ objectAt: { box: 'drop' } }, CAPACITY);
    expect(view.state.objectAt).toEqual({ box: 'drop' });
    expect(changes.map((c) => c.kind)).toEqual(['object-found', 'object-moved']);
  });

  it('ignores sightings of objects other robots hold, and travels a held object with the robot', () => {
    const { world } = model();
    world.observe([{ id: 'box', pose: { x: 3, y: 3, theta: 0 }, heldBy: 'robot7' }]);
    expect(world.objectPose('box')).toBeUndefined();
    world.setHolding('box');
    const view = world.symbolicView({ objectAt: { box: 'drop' } }, CAPACITY);
    expect(view.state).toMatchObject({ holding: 'box', objectAt: { box: null }, observed: { box: true } });
  });

  it('records an object the robot put down itself without reporting a change', () => {
    const { world, changes } = model();
    world.setHolding('box');
    world.setHolding(null);
    world.placed('box', { x: 1.1, y: 8, theta: 0 });
    expect(world.symbolicView({ objectAt: { box: 'drop' } }, CAPACITY).state.objectAt).toEqual({ box: 'drop' });
    expect(changes).toEqual([]);
  });

  it('searches the nearest place not searched yet when an object is not found, until none is left', () => {
    const { world, changes } = model();
    world.observe([{ id: 'box', pose: { x: 2.2, y: 10.1, theta: 0 } }]);
    expect(world.markNotFound('box', 'pick_up')).toBe(true);
    expect(world.symbolicView({ objectAt: { box: 'hall' } }, CAPACITY).state.objectAt).toEqual({ box: 'drop' });
    expect(changes.at(-1)).toMatchObject({ kind: 'object-lost', detail: 'not at pick_up; next guess drop' });
    expect(world.markNotFound('box', 'drop')).toBe(true);
    expect(world.markNotFound('box', 'hall')).toBe(false);
  });

  it('knows when the robot is on a dock, and names a dock as the place it stands at', () => {
    const { world } = model();
    world.setRobotPose({ x: 0.6, y: 7.1, theta: Math.PI });
    expect(world.onDock()).toBe(true);
    expect(world.symbolicView({ docked: true }, CAPACITY).state).toMatchObject({ robotAt: 'dock', docked: true });
    world.setRobotPose({ x: 4, y: 4, theta: 0 });
    expect(world.symbolicView({ docked: true }, CAPACITY).state.robotAt).toBe('here');
  });
});
