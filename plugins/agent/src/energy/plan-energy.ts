import type { EnergyModel, MotionProfile } from './energy-model.js';

/** The energy-relevant part of a plan step (a `PlannedStep` satisfies it). */
export interface EnergyStep {
  readonly profile: MotionProfile;
}

/** Predicted battery use of a sequence of steps. */
export interface EnergyPrediction {
  /** Battery level after each step, Wh. */
  readonly levelsWh: readonly number[];
  /** Level at the start, Wh. */
  readonly startWh: number;
  /** Level after the last step, Wh. */
  readonly endWh: number;
  /** Lowest level along the way (start included), Wh. */
  readonly minWh: number;
  /** Energy drawn by the motors and electronics, Wh. */
  readonly drawnWh: number;
  /** Energy put in by charging, Wh. */
  readonly chargedWh: number;
  /** `endWh` and `minWh` as fractions of the capacity. */
  readonly endFraction: number;
  readonly minFraction: number;
  /** Index of the first step after which the battery is empty (level ≤ 0), or -1. */
  readonly depletedAt: number;
}

/**
 * Runs `steps` through the battery `model` from `startWh`: each step draws its motion profile's
 * energy; a charging step adds charge power × duration, up to the capacity. Levels are not clamped
 * at 0, so a plan that would run dry shows how far short it falls.
 *
 * @example
 * const p = predictPlanEnergy(plan.steps, model, state.batteryWh);
 * if (p.endFraction < 0.2) { ... }
 */
export function predictPlanEnergy(steps: readonly EnergyStep[], model: EnergyModel, startWh: number): EnergyPrediction {
  const levelsWh: number[] = [];
  let level = startWh;
  let minWh = startWh;
  let drawnWh = 0;
  let chargedWh = 0;
  let depletedAt = -1;
  for (const [index, step] of steps.entries()) {
    if (step.profile.charging) {
      const after = Math.max(level, model.chargedWh(level, step.profile.durationS));
      chargedWh += after - level;
      level = after;
    } else {
      const drawn = model.profileEnergyWh(step.profile);
      drawnWh += drawn;
      level -= drawn;
    }
    levelsWh.push(level);
    minWh = Math.min(minWh, level);
    if (level <= 0 && depletedAt < 0) depletedAt = index;
  }
  return {
    levelsWh,
    startWh,
    endWh: level,
    minWh,
    drawnWh,
    chargedWh,
    endFraction: model.fraction(level),
    minFraction: model.fraction(minWh),
    depletedAt,
  };
}
