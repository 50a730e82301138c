import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CollisionCounter, EnergyMeter, PathLength } from './episode-metrics.js';

describe('episode metrics', () => {
  it('path length sums the segments between positions', () => {
    const path = new PathLength();
    expect(path.metres).toBe(0);
    for (const [x, y] of [
      [0, 0],
      [3, 4],
      [3, 4],
      [3, 0],
    ] as const)
      path.add({ x, y });
    expect(path.metres).toBe(9);
  });

  it('path length is at least the straight distance from first to last (property)', () => {
    const point = fc.record({
      x: fc.double({ min: -50, max: 50, noNaN: true }),
      y: fc.double({ min: -50, max: 50, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 30 }), (points) => {
        const path = new PathLength();
        points.forEach((p) => path.add(p));
        const first = points[0] as { x: number; y: number };
        const last = points[points.length - 1] as { x: number; y: number };
        expect(path.metres).toBeGreaterThanOrEqual(Math.hypot(last.x - first.x, last.y - first.y) - 1e-9);
      }),
    );
  });

  it('collisions are rising edges of each bumper', () => {
    const counter = new CollisionCounter();
    const states: [string, number, boolean][] = [
      ['a', 0.1, false],
      ['a', 0.2, true],
      ['a', 0.3, true], // still pressed: the same collision
      ['b', 0.3, true],
      ['a', 0.4, false],
      ['a', 0.5, true],
    ];
    for (const [robot, t, pressed] of states) counter.update(robot, t, pressed, pressed ? ['wall_1'] : []);
    expect(counter.count).toBe(3);
    expect(counter.events).toEqual([
      { t: 0.2, robot: 'a', with: ['wall_1'] },
      { t: 0.3, robot: 'b', with: ['wall_1'] },
      { t: 0.5, robot: 'a', with: ['wall_1'] },
    ]);
  });

  it('energy is capacity × drop in charge × voltage, per robot, ignoring charging', () => {
    const meter = new EnergyMeter();
    meter.add('a', 1.0, 2, 12);
    meter.add('a', 0.9, 2, 12); // 2 Ah × 0.1 × 12 V = 2.4 Wh
    meter.start('b', 0.55);
    meter.add('b', 0.5, 1, 10); // 1 × 0.05 × 10 = 0.5 Wh
    meter.add('a', 0.95, 2, 12); // charging: nothing
    meter.add('b', 0.45, 1, 10); // 1 Ah × 0.05 × 10 V = 0.5 Wh
    meter.add('a', 0.9, 2, 11); // 2 × 0.05 × 11 = 1.1 Wh
    meter.add('a', Number.NaN, 2, 11);
    expect(meter.wattHours).toBeCloseTo(2.4 + 0.5 + 0.5 + 1.1, 12);
  });
});
