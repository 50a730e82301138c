import type { RobotDescription } from '../../robots/src/index.js';
import { PhysicsScene } from '../../simulations/src/engine/physics/physics-scene.js';
import { loadRapier } from '../../simulations/src/engine/rapier-module.js';
import type { World } from '../../simulations/src/world/world-types.js';

/**
 * The baseline of the simulator benchmarks: the same world and robot bodies in bare Rapier,
 * robots launched at cruise velocity, stepped with `world.step()` alone. Returns wall nanoseconds.
 */
export async function runBareRapier(
  world: World,
  robots: ReadonlyMap<string, RobotDescription>,
  steps: number,
  physicsHz: number,
): Promise<number> {
  const rapier = await loadRapier();
  const spawns = world.spawns.map((spawn) => {
    const description = robots.get(spawn.robot);
    if (!description) throw new Error(`no description of robot type '${spawn.robot}'`);
    return { spawn, description };
  });
  const scene = new PhysicsScene(rapier, world, spawns, 1 / physicsHz);
  for (const r of scene.robots) {
    const theta = r.spawnPose.theta;
    r.body.setLinvel({ x: 0.2 * Math.cos(theta), y: 0.2 * Math.sin(theta) }, true);
    r.body.setAngvel(0.3, true);
  }
  const start = process.hrtime.bigint();
  for (let step = 0; step < steps; step++) scene.world.step();
  const ns = Number(process.hrtime.bigint() - start);
  scene.free();
  return ns;
}
