/** Wraps an angle in radians into (-π, π] (REP-103 yaw convention). */
export function normalizeAngle(angle: number): number {
  const wrapped = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
  return wrapped === -Math.PI ? Math.PI : wrapped;
}
