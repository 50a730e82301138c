import type RAPIER from '@dimforge/rapier2d-compat';
import type { ColliderDesc } from '@dimforge/rapier2d-compat';
import type { Shape } from '../../world/world-types.js';
import { convexParts } from '../geometry/convex-parts.js';
import { SimulationError, SimulationErrorCode } from '../simulation-error.js';

/** The Rapier module, as `RAPIER.init()` resolves it. */
export type Rapier = typeof RAPIER;

/**
 * Collider descriptions for a shape in its own frame: a cuboid for a box, a ball for a circle, a
 * convex hull for a convex polygon and one convex hull per triangle for a concave one.
 */
export function shapeColliders(rapier: Rapier, shape: Shape, owner: string): ColliderDesc[] {
  switch (shape.kind) {
    case 'box':
      return [rapier.ColliderDesc.cuboid(shape.width / 2, shape.height / 2)];
    case 'circle':
      return [rapier.ColliderDesc.ball(shape.radius)];
    case 'polygon': {
      const parts = convexParts(shape.points);
      if (parts.length === 0) throw invalid(owner, 'the polygon cannot be split into convex parts');
      return parts.map((part) => {
        const desc = rapier.ColliderDesc.convexHull(new Float32Array(part.flatMap((p) => [p.x, p.y])));
        if (desc === null) throw invalid(owner, 'a part of the polygon is degenerate (collinear points)');
        return desc;
      });
    }
  }
}

function invalid(owner: string, why: string): SimulationError {
  return new SimulationError(SimulationErrorCode.InvalidGeometry, `${owner}: ${why}`, { owner });
}
