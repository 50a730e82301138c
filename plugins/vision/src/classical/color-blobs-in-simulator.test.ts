import { afterEach, describe, expect, it } from 'vitest';
import { findRobot } from '@omnimind/robots';
import { createSimulation, parseWorld, type Simulation } from '@omnimind/simulator';
import { blobsToDetections, detectColorBlobs } from './color-blob-detector.js';
import type { RgbImage } from '../features/index.js';

/**
 * A diffbot in a white-walled room, looking along +x at a red box on its left, a green drum on
 * its right, a yellow ball straight ahead and a blue crate behind the ball.
 */
const WORLD = `
name: blob-test
description: coloured things in front of a robot
bounds: { min: [-3.5, -3.5], max: [3.5, 3.5] }
floor_color: light_grey
sky_color: sky
walls:
  - { id: room, points: [[-3, -3], [3, -3], [3, 3], [-3, 3], [-3, -3]], thickness: 0.1, color: white }
obstacles:
  - { id: red_box, shape: box, width: 0.4, height: 0.4, pose: [1.5, 0.35, 0], color: red, label: box }
  - { id: green_drum, shape: circle, radius: 0.15, pose: [1.5, -0.35], color: green, label: drum }
  - { id: blue_crate, shape: box, width: 0.3, height: 0.6, pose: [2.6, 0, 0], color: blue, label: crate }
objects:
  - { id: yellow_ball, shape: circle, radius: 0.08, pose: [0.8, 0], mass: 0.1, color: yellow }
spawns:
  - { name: robot1, robot: diffbot, pose: [0, 0, 0] }
`;

const diffbot = findRobot('diffbot');
const camera = diffbot.sensors.camera!;
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

async function frame(theta = 0): Promise<RgbImage> {
  const world = parseWorld(WORLD, 'blob-test.yaml', { knownRobots: [diffbot.name] });
  sim = await createSimulation({
    world,
    robots: new Map([[diffbot.name, diffbot]]),
    seed: 3,
    spawns: [{ name: 'robot1', robot: 'diffbot', pose: { x: 0, y: 0, theta } }],
  });
  sim.step();
  return { data: sim.robot('robot1').renderCamera(), width: camera.width, height: camera.height, channels: 3 };
}

/** Image column of a point `lateral` metres left of the optical axis, `depth` metres ahead of the lens. */
function columnOf(lateral: number, depth: number): number {
  const focal = camera.width / 2 / Math.tan(camera.horizontalFov / 2);
  return camera.width / 2 - (focal * lateral) / depth;
}

describe('colour blobs in simulator camera frames', () => {
  it('finds the red box left, the green drum right, the yellow ball and blue crate ahead, and nothing else', async () => {
    const blobs = detectColorBlobs(await frame());
    const byColor = new Map(blobs.map((b) => [b.color, b]));
    expect([...byColor.keys()].sort()).toEqual(['blue', 'green', 'red', 'yellow']);
    expect(blobs).toHaveLength(4);
    const lens = 0.06;
    const red = byColor.get('red')!;
    const green = byColor.get('green')!;
    const yellow = byColor.get('yellow')!;
    const blue = byColor.get('blue')!;
    expect(red.centroidX).toBeGreaterThan(columnOf(0.55, 1.3 - lens) - 3);
    expect(red.centroidX).toBeLessThan(columnOf(0.15, 1.3 - lens));
    expect(Math.abs(green.centroidX - columnOf(-0.35, 1.5 - lens))).toBeLessThan(4);
    expect(Math.abs(yellow.centroidX - camera.width / 2)).toBeLessThan(3);
    expect(Math.abs(blue.centroidX - camera.width / 2)).toBeLessThan(4);
    // Nearer, bigger: the red box fills more of the image than the far blue crate.
    expect(red.area).toBeGreaterThan(blue.area);
    // The 0.16 m ball's top is a little above the lens (0.12 m): a few rows over the horizon (row
    // 60); the 0.5 m box reaches much higher.
    const focal = camera.width / 2 / Math.tan(camera.horizontalFov / 2);
    expect(Math.abs(yellow.minY - (camera.height / 2 - (focal * (0.16 - 0.12)) / (0.72 - lens)))).toBeLessThan(2);
    expect(yellow.centroidY).toBeGreaterThan(camera.height / 2);
    expect(red.minY).toBeLessThan(yellow.minY - 15);
  });

  it('sees the scene shift right when the robot turns left, and reports it as a Detection2DArray', async () => {
    const ahead = detectColorBlobs(await frame(0), { colors: ['yellow'] });
    const turned = detectColorBlobs(await frame(0.2), { colors: ['yellow'] });
    expect(turned).toHaveLength(1);
    expect(turned[0]!.centroidX).toBeGreaterThan(ahead[0]!.centroidX + 15);
    const message = blobsToDetections(turned, { stamp: { sec: 0, nanosec: 0 }, frame_id: camera.frame });
    expect(message.detections[0]!.results[0]!.hypothesis.class_id).toBe('yellow');
    expect(message.detections[0]!.bbox.center.position.x).toBeGreaterThan(camera.width / 2);
  });
});
