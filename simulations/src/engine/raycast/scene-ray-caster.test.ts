import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Shape, World } from '../../world/world-types.js';
import { PhysicsScene } from '../physics/physics-scene.js';
import type { Rapier } from '../physics/collider-shapes.js';
import { loadRapier } from '../rapier-module.js';
import { testObject, testWorld } from '../testing/test-worlds.js';
import { SceneRayCaster } from './scene-ray-caster.js';

let rapier: Rapier;
beforeAll(async () => {
  rapier = await loadRapier();
});

describe('SceneRayCaster on known geometry', () => {
  it('hits a static square from outside at the analytic distance', () => {
    const caster = new SceneRayCaster();
    caster.addStaticPolygon(3, [
      { x: 1, y: -1 },
      { x: 3, y: -1 },
      { x: 3, y: 1 },
      { x: 1, y: 1 },
    ]);
    caster.finalize();
    caster.prepare(0, 0, 10, -1);
    expect(caster.cast(0, 0, 1, 0, 0, 10)).toBe(1);
    expect(caster.hitEntity).toBe(3);
    const d = Math.SQRT1_2;
    expect(caster.cast(0, 0, d, d, 0, 10)).toBeCloseTo(Math.SQRT2, 12);
    expect(caster.cast(0, 0, -1, 0, 0, 10)).toBe(Infinity);
    expect(caster.hitEntity).toBe(-1);
    expect(caster.cast(0, 0, 1, 0, 0, 0.5)).toBe(Infinity);
    // Past the first hit, the far side of the square.
    expect(caster.cast(0, 0, 1, 0, 1 + 1e-9, 10)).toBe(3);
  });

  it('hits static and moving circles, and skips bodies with the excluded key', () => {
    const caster = new SceneRayCaster();
    caster.addStaticCircle(0, 5, 0, 1);
    caster.finalize();
    const body = caster.addBody(7);
    caster.addBodyCircle(body, 1, 0, 0, 0.5);
    caster.setBodyPose(body, 2, 0, 0);
    caster.prepare(0, 0, 10, -1);
    expect(caster.cast(0, 0, 1, 0, 0, 10)).toBeCloseTo(1.5, 12);
    expect(caster.hitEntity).toBe(1);
    caster.prepare(0, 0, 10, 7);
    expect(caster.cast(0, 0, 1, 0, 0, 10)).toBeCloseTo(4, 12);
    expect(caster.hitEntity).toBe(0);
  });

  it('moves body polygons with their pose', () => {
    const caster = new SceneRayCaster();
    caster.finalize();
    const body = caster.addBody(-1);
    caster.addBodyPolygon(body, 2, [
      { x: -0.5, y: -0.5 },
      { x: 0.5, y: -0.5 },
      { x: 0.5, y: 0.5 },
      { x: -0.5, y: 0.5 },
    ]);
    caster.setBodyPose(body, 3, 0, Math.PI / 4);
    caster.prepare(0, 0, 10, -1);
    expect(caster.cast(0, 0, 1, 0, 0, 10)).toBeCloseTo(3 - Math.SQRT1_2, 12);
    caster.setBodyPose(body, 0, 3, 0);
    caster.prepare(0, 0, 10, -1);
    expect(caster.cast(0, 0, 1, 0, 0, 10)).toBe(Infinity);
    expect(caster.cast(0, 0, 0, 1, 0, 10)).toBeCloseTo(2.5, 12);
  });
});

const coordinate = fc.integer({ min: -4000, max: 4000 }).map((n) => n / 1000 + 0.000123);
const size = fc.integer({ min: 50, max: 1500 }).map((n) => n / 1000);
const angle = fc.integer({ min: -3141, max: 3141 }).map((n) => n / 1000);
const pose = fc.record({ x: coordinate, y: coordinate, theta: angle });
const shape: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({ kind: fc.constant('box' as const), width: size, height: size }),
  fc.record({ kind: fc.constant('circle' as const), radius: size.map((s) => s / 2) }),
  // An L (concave) or a triangle (convex), scaled.
  fc.tuple(size, fc.boolean()).map(([s, concave]): Shape => ({
    kind: 'polygon',
    points: concave
      ? [
          { x: -s, y: -s },
          { x: s, y: -s },
          { x: s, y: -s / 3 },
          { x: -s / 3, y: -s / 3 },
          { x: -s / 3, y: s },
          { x: -s, y: s },
        ]
      : [
          { x: -s, y: -s / 2 },
          { x: s, y: -s / 3 },
          { x: 0, y: s },
        ],
  })),
);
const sceneWorld: fc.Arbitrary<World> = fc
  .record({
    walls: fc.array(fc.tuple(coordinate, coordinate, coordinate, coordinate, size), { maxLength: 4 }),
    obstacles: fc.array(fc.tuple(shape, pose), { maxLength: 4 }),
    objects: fc.array(fc.tuple(shape, pose), { maxLength: 3 }),
  })
  .map(({ walls, obstacles, objects }) =>
    testWorld({
      walls: walls
        .filter(([ax, ay, bx, by]) => Math.hypot(bx - ax, by - ay) > 0.01)
        .map(([ax, ay, bx, by, t], i) => ({
          id: `w${i}`,
          points: [
            { x: ax, y: ay },
            { x: bx, y: by },
          ],
          thickness: t / 5,
          color: [1, 1, 1],
        })),
      obstacles: obstacles.map(([s, p], i) => ({ id: `o${i}`, shape: s, pose: p, color: [2, 2, 2], label: 'thing' })),
      objects: objects.map(([s, p], i) => testObject(`m${i}`, p, { shape: s })),
    }),
  );

describe('SceneRayCaster against Rapier ray casts', () => {
  it('agrees with world.castRay on random scenes and rays (property)', () => {
    fc.assert(
      fc.property(
        sceneWorld,
        fc.array(fc.tuple(coordinate, coordinate, angle), { minLength: 20, maxLength: 20 }),
        (world, rays) => {
          const scene = new PhysicsScene(rapier, world, [], 0.01);
          try {
            scene.world.step();
            scene.syncCaster();
            const ray = new rapier.Ray({ x: 0, y: 0 }, { x: 1, y: 0 });
            const maxRange = 6;
            for (const [ox, oy, a] of rays) {
              ray.origin = { x: ox, y: oy };
              ray.dir = { x: Math.cos(a), y: Math.sin(a) };
              const reference = scene.world.castRay(ray, maxRange, true);
              // Rays from inside a shape differ by design (hollow outlines here, solid in Rapier).
              if (reference !== null && reference.timeOfImpact < 1e-4) continue;
              scene.caster.prepare(ox, oy, maxRange, -1);
              const t = scene.caster.cast(ox, oy, Math.cos(a), Math.sin(a), 0, maxRange);
              if (reference === null) {
                if (t !== Infinity) expect(grazes(scene.caster, ox, oy, a, maxRange)).toBe(true);
                continue;
              }
              if (t === Infinity) {
                expect(grazes(scene.caster, ox, oy, a, maxRange) || reference.timeOfImpact > maxRange - 1e-4).toBe(
                  true,
                );
                continue;
              }
              // Rapier works in single precision and casts against convex polygons iteratively (GJK):
              // near corners its distance is off by up to a few tenths of a millimetre.
              expect(Math.abs(t - reference.timeOfImpact)).toBeLessThan(1e-3);
              expect(scene.entities[scene.caster.hitEntity]?.id).toBe(scene.entityOf(reference.collider)?.id);
            }
          } finally {
            scene.free();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** True when rotating the ray by ±1e-4 rad flips hit and miss: a ray grazing a corner or tangent. */
function grazes(caster: SceneRayCaster, ox: number, oy: number, a: number, range: number): boolean {
  const hit = (angle: number): boolean => caster.cast(ox, oy, Math.cos(angle), Math.sin(angle), 0, range) !== Infinity;
  return hit(a - 1e-4) !== hit(a + 1e-4) || hit(a) !== hit(a + 1e-4);
}
