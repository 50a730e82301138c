import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { Simulation } from './engine-types.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { TEST_COLORS, spawnAt, squareRoomWorld, testObject } from './testing/test-worlds.js';
import type { World } from '../world/world-types.js';

const robot = turtlebotLikeDescription();
const camera = robot.sensors.camera!;
const robots = new Map([[robot.name, robot]]);
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

/** A 6 m blue room with the robot at the centre looking along +x. */
function blueRoom(parts: Partial<World> = {}): World {
  return {
    ...squareRoomWorld({
      halfSize: 3,
      thickness: 0.1,
      color: TEST_COLORS.blue,
      spawns: [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })],
    }),
    ...parts,
  };
}

async function render(world: World, noise = false): Promise<Uint8Array> {
  sim?.dispose();
  sim = await createSimulation({ world, robots, seed: 5, noise });
  sim.step();
  return sim.robot('r').renderCamera();
}

function pixel(image: Uint8Array, row: number, column: number): [number, number, number] {
  const i = (row * camera.width + column) * 3;
  return [image[i]!, image[i + 1]!, image[i + 2]!];
}

function dominant(rgb: readonly number[]): 'red' | 'green' | 'blue' {
  const [r, g, b] = rgb as [number, number, number];
  return r > g && r > b ? 'red' : g > b ? 'green' : 'blue';
}

describe('camera', () => {
  it('renders a red obstacle on the left half and the blue wall on the right half', async () => {
    // The box spans y ∈ [0, 1.2] at x ∈ [0.8, 1.2]: every ray left of the optical axis hits it.
    const image = await render(
      blueRoom({
        obstacles: [
          {
            id: 'red',
            shape: { kind: 'box', width: 0.4, height: 1.2 },
            pose: { x: 1, y: 0.6, theta: 0 },
            color: TEST_COLORS.red,
            label: 'box',
          },
        ],
      }),
    );
    expect(image).toHaveLength(camera.width * camera.height * 3);
    for (let column = 0; column < camera.width; column++) {
      expect(dominant(pixel(image, 40, column))).toBe(column < camera.width / 2 ? 'red' : 'blue');
    }
    // Above the wall (1 m tall, 2.89 m deep) is sky; above the tall obstacle, nothing but it.
    expect(pixel(image, 5, 120)).toEqual([...TEST_COLORS.sky]);
    expect(dominant(pixel(image, 5, 20))).toBe('red');
    // Below each surface, the floor: grey, dimmed with distance.
    const floor = pixel(image, 110, 120);
    expect(floor[0]).toBe(floor[1]);
    expect(floor[0]).toBeLessThanOrEqual(TEST_COLORS.floor[0]);
    expect(floor[0]).toBeGreaterThan(TEST_COLORS.floor[0] * 0.9);
    // Surfaces are dimmed with distance: the wall is farther at the image edge than near the axis.
    expect(pixel(image, 40, 81)[2]).toBeGreaterThan(pixel(image, 40, 159)[2]);
    expect(pixel(image, 40, 81)[2]).toBeLessThan(TEST_COLORS.blue[2]);
  });

  it('draws what the horizon and perspective put where: wall spans from row 20 to row 65', async () => {
    const image = await render(blueRoom());
    const column = 80;
    // Wall inner face 2.95 m ahead, camera 0.06 m forward and 0.12 m up: depth 2.89 m.
    const focal = camera.width / 2 / Math.tan(camera.horizontalFov / 2);
    const top = 60 - (focal * (1 - 0.12)) / 2.89;
    const bottom = 60 + (focal * 0.12) / 2.89;
    for (let row = 0; row < camera.height; row++) {
      const colour = pixel(image, row, column);
      const isWall = row + 0.5 >= top && row + 0.5 < bottom;
      expect(dominant(colour) === 'blue' && colour[0] < 60, `row ${row}`).toBe(isWall);
    }
  });

  it('moves the horizon up when the camera looks down', async () => {
    const pitch = 0.1;
    const tilted = turtlebotLikeDescription({
      frames: robot.frames.map((f) => (f.name === camera.frame ? { ...f, rpy: [0, pitch, 0] as const } : f)),
    });
    sim = await createSimulation({ world: blueRoom(), robots: new Map([[robot.name, tilted]]), seed: 5, noise: false });
    sim.step();
    const image = sim.robot('r').renderCamera();
    const focal = camera.width / 2 / Math.tan(camera.horizontalFov / 2);
    const row = (height: number): number => 60 - focal * Math.tan(Math.atan((height - 0.12) / 2.89) + pitch);
    const [top, bottom] = [row(1), row(0)];
    expect(top).toBeGreaterThan(0);
    for (let r = 0; r < camera.height; r++) {
      const colour = pixel(image, r, 80);
      const isWall = r + 0.5 >= top + 0.01 && r + 0.5 < bottom - 0.01;
      if (Math.abs(r + 0.5 - top) < 0.02 || Math.abs(r + 0.5 - bottom) < 0.02) continue;
      expect(dominant(colour) === 'blue' && colour[0] < 60, `row ${r}`).toBe(isWall);
    }
    // The sky shrinks, the floor grows: the wall's bottom edge moved up by about focal·tan(pitch).
    expect(bottom).toBeLessThan(60 + (focal * 0.12) / 2.89 - 12);
  });

  it('keeps the wall visible above a low object in front of it, and shows other robots', async () => {
    const image = await render(
      blueRoom({
        objects: [testObject('low', { x: 1, y: 0, theta: 0 })],
        spawns: [
          spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 }),
          spawnAt('other', robot.name, { x: 1.2, y: -0.4, theta: 0 }),
        ],
      }),
    );
    // Low red box (0.1 m, under the 0.12 m lens) at 0.89 m: rows ~63–77; wall above it.
    expect(dominant(pixel(image, 70, 80))).toBe('red');
    expect(dominant(pixel(image, 50, 80))).toBe('blue');
    // The other robot, dark grey, to the right of the axis (about 19° off).
    const column = Math.round(80 + (133.14 * 0.4) / 1.14);
    const body = pixel(image, 62, column);
    expect(Math.max(...body)).toBeLessThan(60);
  });

  it('adds per-pixel noise with the configured deviation when noise is on', async () => {
    const clean = await render(blueRoom());
    const noisy = await render(blueRoom(), true);
    let sumSquares = 0;
    for (let i = 0; i < clean.length; i++) sumSquares += (noisy[i]! - clean[i]!) ** 2;
    const std = Math.sqrt(sumSquares / clean.length);
    expect(std).toBeGreaterThan(camera.pixelNoiseStd * 0.85);
    expect(std).toBeLessThan(camera.pixelNoiseStd * 1.15);
  });
});
