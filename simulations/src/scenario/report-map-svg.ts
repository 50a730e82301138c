import { placedVertices } from '../world/geometry/shape-distance.js';
import type { Pose2D, Shape, Vec2, World } from '../world/world-types.js';
import type { EpisodeResult } from './episode-result.js';
import type { Goal, GoalTarget } from './scenario-types.js';
import type { TrajectoryPoint } from './trajectory-recorder.js';
import { escapeXml, num, rgb } from './svg-text.js';

// World y points up (REP-103), SVG y points down: every y is negated, and the view box with it.
const point = (p: Vec2): string => `${num(p.x)},${num(-p.y)}`;

function shapeSvg(shape: Shape, pose: Pose2D, attributes: string, title: string): string {
  const tooltip = `<title>${escapeXml(title)}</title>`;
  if (shape.kind === 'circle')
    return `<circle cx="${num(pose.x)}" cy="${num(-pose.y)}" r="${num(shape.radius)}" ${attributes}>${tooltip}</circle>`;
  const vertices = placedVertices(shape, pose) ?? [];
  return `<polygon points="${vertices.map(point).join(' ')}" ${attributes}>${tooltip}</polygon>`;
}

function goalTargets(goal: Goal): { target: GoalTarget; tolerance: number; what: string }[] {
  if (goal.kind === 'all') return goal.goals.flatMap(goalTargets);
  return [
    { target: goal.target, tolerance: goal.tolerance, what: goal.kind === 'robot_at' ? goal.robot : goal.object },
  ];
}

/** The trajectory point at or just after simulated time `t` (the last one when `t` is past the end). */
function pointAt(trajectory: readonly TrajectoryPoint[], t: number): TrajectoryPoint | undefined {
  return trajectory.find((p) => p.t >= t - 1e-9) ?? trajectory[trajectory.length - 1];
}

/**
 * The world seen from above, with every episode drawn on it: walls, obstacles, movable objects
 * (where they start; an object the scenario randomises at each episode's drawn pose), docks, the goal's target areas, and each robot's trajectory (green when the
 * episode met its goal, red when not), its start, and where it collided. Units are metres.
 */
export function mapSvg(world: World, goal: Goal, episodes: readonly EpisodeResult[], widthPx = 900): string {
  const { min, max } = world.bounds;
  const width = max.x - min.x;
  const height = max.y - min.y;
  const label = Math.max(width, height) / 60;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="${num(min.x)} ${num(-max.y)} ${num(width)} ${num(height)}" width="${widthPx}" height="${Math.round((widthPx * height) / width)}" font-family="system-ui, sans-serif" role="img" aria-label="Map of ${escapeXml(world.name)} with ${episodes.length} trajectories">`,
    `<rect x="${num(min.x)}" y="${num(-max.y)}" width="${num(width)}" height="${num(height)}" fill="${rgb(world.floorColor)}"/>`,
  ];
  for (const obstacle of world.obstacles)
    parts.push(
      shapeSvg(
        obstacle.shape,
        obstacle.pose,
        `class="obstacle" fill="${rgb(obstacle.color)}" stroke="#555" stroke-width="0.02"`,
        `${obstacle.id} (${obstacle.label})`,
      ),
    );
  for (const wall of world.walls)
    parts.push(
      `<polyline class="wall" points="${wall.points.map(point).join(' ')}" fill="none" stroke="#333" stroke-width="${num(wall.thickness)}" stroke-linecap="square"><title>${escapeXml(wall.id)}</title></polyline>`,
    );
  for (const object of world.objects) {
    const what = `${object.id} (${object.colorName} ${object.label}, where it starts`;
    const drawn = episodes.flatMap((e) => {
      const pose = e.objectStarts[object.id];
      return pose ? [{ pose, title: `${what} in seed ${e.seed})` }] : [];
    });
    // A randomised object is drawn at each episode's start, faint, instead of at its world pose.
    const opacity = drawn.length > 0 ? ' fill-opacity="0.35"' : '';
    for (const { pose, title } of drawn.length > 0 ? drawn : [{ pose: object.pose, title: `${what})` }])
      parts.push(
        shapeSvg(
          object.shape,
          pose,
          `class="object" fill="${rgb(object.color)}"${opacity} stroke="#222" stroke-width="0.01"`,
          title,
        ),
      );
  }
  for (const dock of world.docks)
    parts.push(
      `<circle class="dock" cx="${num(dock.pose.x)}" cy="${num(-dock.pose.y)}" r="${num(dock.radius)}" fill="none" stroke="#1f6feb" stroke-width="0.03" stroke-dasharray="0.08 0.05"><title>dock ${escapeXml(dock.id)}</title></circle>`,
      `<text x="${num(dock.pose.x)}" y="${num(-dock.pose.y + dock.radius + label * 1.1)}" font-size="${num(label)}" text-anchor="middle" fill="#1f6feb">${escapeXml(dock.id)}</text>`,
    );
  for (const { target, tolerance, what } of goalTargets(goal))
    parts.push(
      `<circle class="goal" cx="${num(target.position.x)}" cy="${num(-target.position.y)}" r="${num(tolerance)}" fill="rgba(46,160,67,0.15)" stroke="#2ea043" stroke-width="0.03"><title>goal: ${escapeXml(`${what} at ${target.label}`)}</title></circle>`,
    );

  // Failures last, so that a red path is never hidden under green ones.
  const ordered = [...episodes].sort((a, b) => Number(b.success) - Number(a.success) || a.seed - b.seed);
  for (const episode of ordered) {
    const outcome = episode.success ? 'success' : 'failure';
    for (const [robot, trajectory] of Object.entries(episode.trajectories)) {
      if (trajectory.length === 0) continue;
      parts.push(
        `<polyline class="trajectory ${outcome}" data-seed="${episode.seed}" points="${trajectory.map(point).join(' ')}" fill="none" stroke="${episode.success ? '#2ea043' : '#d1242f'}" stroke-opacity="0.55" stroke-width="0.03" stroke-linejoin="round"><title>seed ${episode.seed} · ${escapeXml(robot)} · ${outcome}</title></polyline>`,
      );
      const start = trajectory[0] as TrajectoryPoint;
      parts.push(`<circle class="start" cx="${num(start.x)}" cy="${num(-start.y)}" r="0.04" fill="#444"/>`);
    }
    for (const collision of episode.collisions) {
      const at = pointAt(episode.trajectories[collision.robot] ?? [], collision.t);
      if (!at) continue;
      parts.push(
        `<circle class="collision" cx="${num(at.x)}" cy="${num(-at.y)}" r="0.07" fill="#fb8500"><title>seed ${episode.seed}: ${escapeXml(collision.robot)} hit ${escapeXml(collision.with.join(', ') || 'something')} at ${num(collision.t, 2)} s</title></circle>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}
