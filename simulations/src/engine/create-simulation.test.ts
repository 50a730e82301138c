import { describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import { SimulationErrorCode } from './simulation-error.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { spawnAt, testObject, testWorld } from './testing/test-worlds.js';

const robot = turtlebotLikeDescription();
const robots = new Map([[robot.name, robot]]);
const world = testWorld({ spawns: [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })] });

function code(code: string): unknown {
  return expect.objectContaining({ code });
}

describe('createSimulation', () => {
  it('steps at 100 Hz by default and counts time in steps', async () => {
    const sim = await createSimulation({ world, robots, seed: 0 });
    expect(sim.stepMs).toBe(10);
    expect(sim.timeMs).toBe(0);
    sim.step();
    sim.step(0);
    sim.step(99);
    expect(sim.timeMs).toBe(1000);
    expect(sim.robots.map((r) => r.name)).toEqual(['r']);
    expect(sim.robot('r').description).toBe(robot);
    sim.dispose();
  });

  it('spawns the robots of options.spawns instead of the world spawns', async () => {
    const sim = await createSimulation({
      world,
      robots,
      seed: 0,
      spawns: [spawnAt('x', robot.name, { x: 1, y: 1, theta: 0 }), spawnAt('y', robot.name, { x: 2, y: 1, theta: 0 })],
    });
    expect(sim.robots.map((r) => r.name)).toEqual(['x', 'y']);
    expect(sim.robot('y').groundTruth().pose).toEqual({ x: 2, y: 1, theta: 0 });
    sim.dispose();
  });

  it('rejects bad options', async () => {
    await expect(createSimulation({ world, robots, seed: 0, physicsHz: 0 })).rejects.toThrow(
      code(SimulationErrorCode.InvalidOptions),
    );
    await expect(createSimulation({ world, robots, seed: 0, physicsHz: Number.NaN })).rejects.toThrow(
      code(SimulationErrorCode.InvalidOptions),
    );
    await expect(createSimulation({ world, robots, seed: 1.5 })).rejects.toThrow(
      code(SimulationErrorCode.InvalidOptions),
    );
    await expect(createSimulation({ world, robots: new Map(), seed: 0 })).rejects.toThrow(
      code(SimulationErrorCode.UnknownRobotType),
    );
    await expect(
      createSimulation({
        world,
        robots,
        seed: 0,
        spawns: [
          spawnAt('twin', robot.name, { x: 0, y: 0, theta: 0 }),
          spawnAt('twin', robot.name, { x: 1, y: 0, theta: 0 }),
        ],
      }),
    ).rejects.toThrow(code(SimulationErrorCode.DuplicateRobot));
    await expect(
      createSimulation({
        world: testWorld({
          objects: [testObject('flat', { x: 0, y: 0, theta: 0 }, { shape: { kind: 'box', width: 0, height: 1 } })],
        }),
        robots,
        seed: 0,
      }),
    ).rejects.toThrow(code(SimulationErrorCode.InvalidGeometry));
    await expect(
      createSimulation({
        world: testWorld({ objects: [testObject('ghost', { x: 0, y: 0, theta: 0 }, { mass: 0 })] }),
        robots,
        seed: 0,
      }),
    ).rejects.toThrow(code(SimulationErrorCode.InvalidGeometry));
    const lost = turtlebotLikeDescription({
      sensors: { ...robot.sensors, lidar: { ...robot.sensors.lidar!, frame: 'nowhere' } },
    });
    await expect(createSimulation({ world, robots: new Map([[robot.name, lost]]), seed: 0 })).rejects.toThrow(
      code('OMNI_ERR_ROBOT_UNKNOWN_FRAME'),
    );
  });

  it('names what is missing', async () => {
    const sim = await createSimulation({ world, robots, seed: 0 });
    expect(() => sim.robot('nobody')).toThrow(code(SimulationErrorCode.NoSuchRobot));
    expect(() => sim.robot('nobody')).toThrow("no robot named 'nobody' (robots: r)");
    expect(() => sim.step(-1)).toThrow(code(SimulationErrorCode.InvalidOptions));
    expect(() => sim.step(1.5)).toThrow(code(SimulationErrorCode.InvalidOptions));
    sim.dispose();
    const blind = turtlebotLikeDescription({
      sensors: { ...robot.sensors, lidar: undefined, camera: undefined, imu: undefined },
    });
    const other = await createSimulation({ world, robots: new Map([[robot.name, blind]]), seed: 0 });
    expect(() => other.robot('r').scan()).toThrow(code(SimulationErrorCode.NoSuchSensor));
    expect(() => other.robot('r').renderCamera()).toThrow(code(SimulationErrorCode.NoSuchSensor));
    expect(() => other.robot('r').imu()).toThrow(code(SimulationErrorCode.NoSuchSensor));
    other.dispose();
  });

  it('refuses use after dispose, and disposes once', async () => {
    const sim = await createSimulation({ world, robots, seed: 0 });
    const r = sim.robot('r');
    sim.dispose();
    sim.dispose();
    expect(() => sim.step()).toThrow(code(SimulationErrorCode.Disposed));
    expect(() => sim.objects()).toThrow(code(SimulationErrorCode.Disposed));
    expect(() => r.scan()).toThrow(code(SimulationErrorCode.Disposed));
    expect(() => r.command({ linear: 0, angular: 0 })).toThrow(code(SimulationErrorCode.Disposed));
  });
});
