import type { Simulation, Twist2D } from '../engine-types.js';

/**
 * Steps `sim` for `seconds` of simulated time while commanding `twist` to the named robots,
 * renewing the command every 100 ms so the watchdog never fires.
 */
export function driveFor(sim: Simulation, robots: string | readonly string[], twist: Twist2D, seconds: number): void {
  const names = typeof robots === 'string' ? [robots] : robots;
  const steps = Math.round((seconds * 1000) / sim.stepMs);
  const renewEvery = Math.max(1, Math.round(100 / sim.stepMs));
  for (let i = 0; i < steps; i++) {
    if (i % renewEvery === 0) for (const name of names) sim.robot(name).command(twist);
    sim.step();
  }
}
