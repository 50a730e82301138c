import { firstValueFrom, filter } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserInputError } from '@omnimind/core';
import { startSkillsRoom, type SkillsRoom } from '../skills/testing/skills-room.js';
import { SimulatedObjectPerception } from './simulated-object-perception.js';

// The skills room: the arm at the origin facing +x; red_box 0.6 m ahead, purple_ball 2.6 m ahead
// 18° to the right, green_box ahead behind a shelf, blue_box behind the robot.
describe('simulated object perception in the skills room', () => {
  let room: SkillsRoom;
  const opened: SimulatedObjectPerception[] = [];
  const perceive = (options = {}) => {
    const perception = new SimulatedObjectPerception(room.robotBus, options);
    opened.push(perception);
    return perception;
  };

  beforeEach(async () => {
    room = await startSkillsRoom();
  });
  afterEach(async () => {
    for (const perception of opened.splice(0)) perception.close();
    await room.dispose();
  });

  /** Lets the mapper map the room from the start pose, so the shelf is in the map. */
  async function waitForMap(): Promise<void> {
    const map = room.robotBus.topic('map', 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' }).observe();
    await firstValueFrom(map);
    await room.sleep(1.5);
  }

  const ids = (perception: SimulatedObjectPerception) =>
    perception
      .sightings()
      .map((s) => s.id)
      .sort();

  it('sees what is in the field of view and range, not what is behind the robot or behind the shelf', async () => {
    const perception = perceive();
    await waitForMap();
    expect(ids(perception)).toEqual(['purple_ball', 'red_box']);
    const red = perception.sightings().find((s) => s.id === 'red_box')!;
    expect(red).toMatchObject({ label: 'box', color: 'red', heldBy: undefined });
    expect(red.pose.x).toBeCloseTo(0.6, 2);
    expect(red.pose.y).toBeCloseTo(0, 2);
    expect(red.distance).toBeCloseTo(0.53, 2);
    expect(red.stamp.sec + red.stamp.nanosec / 1e9).toBeGreaterThan(1);
  });

  it('does not occlude without a map: the green box behind the shelf is then seen', async () => {
    const perception = perceive({ mapTopic: 'no_map_here' });
    await waitForMap();
    expect(ids(perception)).toEqual(['green_box', 'purple_ball', 'red_box']);
  });

  it('drops what is beyond the range or outside a narrower field of view', async () => {
    const shortSighted = perceive({ range: 2 });
    const narrow = perceive({ fieldOfView: 0.2 });
    await waitForMap();
    expect(ids(shortSighted)).toEqual(['red_box']);
    expect(ids(narrow)).toEqual(['red_box']);
  });

  it('streams every observation', async () => {
    const perception = perceive();
    const withBall = await firstValueFrom(perception.sightings$.pipe(filter((seen) => seen.length > 0)));
    expect(withBall.map((s) => s.id)).toContain('red_box');
  });

  it('refuses options out of range, naming the option and what was expected', () => {
    expect(() => perceive({ fieldOfView: 0 })).toThrow(UserInputError);
    expect(() => perceive({ range: Number.NaN })).toThrow(/option 'range': expected a finite distance > 0 m, got NaN/);
  });
});
