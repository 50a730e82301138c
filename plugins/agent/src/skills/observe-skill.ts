import type { ObjectSighting } from '../perception/object-perception.js';
import { SkillFailed } from './skill-errors.js';
import { asPartOf, checkNotAborted, checkNumber, checkPoint, face, type SkillRuntime } from './skill-runtime.js';
import type { ObserveOptions } from './skill-types.js';

const DEFAULT_DWELL_SECONDS = 1;
const DEFAULT_SWEEP_STEP = Math.PI / 2;

/**
 * A perception sweep: a full turn in place in steps (or, with a target, a turn to face it and a
 * dwell), collecting every sighting. Resolves with the latest sighting of each object seen.
 */
export async function observeObjects(rt: SkillRuntime, options: ObserveOptions = {}): Promise<ObjectSighting[]> {
  const { signal, onProgress, target } = options;
  const dwellSeconds = options.dwellSeconds ?? DEFAULT_DWELL_SECONDS;
  const sweepStep = options.sweepStep ?? DEFAULT_SWEEP_STEP;
  if (target) checkPoint('observe', 'target', target);
  if (!Number.isFinite(dwellSeconds) || dwellSeconds < 0) {
    throw new SkillFailed('observe', `dwellSeconds must be a finite number >= 0, got ${dwellSeconds}`);
  }
  checkNumber('observe', 'sweepStep', sweepStep, true);
  checkNotAborted('observe', signal);

  const seen = new Map<string, ObjectSighting>();
  const collect = (sightings: readonly ObjectSighting[]): void => {
    for (const sighting of sightings) seen.set(sighting.id, sighting);
  };
  collect(rt.perception.sightings());
  const subscription = rt.perception.sightings$.subscribe(collect);
  const report = (angleSwept: number): void => onProgress?.({ skill: 'observe', angleSwept, objectsSeen: seen.size });
  try {
    if (target) {
      report(0);
      await asPartOf('observe', face(rt, target, signal));
      await asPartOf('observe', rt.wait(dwellSeconds, { signal }));
      report(0);
    } else {
      await asPartOf('observe', sweep(rt, sweepStep, signal, report));
    }
  } finally {
    subscription.unsubscribe();
  }
  return [...seen.values()];
}

/** Turns a full circle in steps, each aimed at a multiple of the step from the start so that errors do not add up. */
async function sweep(
  rt: SkillRuntime,
  sweepStep: number,
  signal: AbortSignal | undefined,
  report: (angleSwept: number) => void,
): Promise<void> {
  await rt.poseWatch.first('observe', signal);
  const start = rt.poseWatch.unwrappedYaw;
  const steps = Math.ceil((2 * Math.PI) / sweepStep - 1e-9);
  const step = (2 * Math.PI) / steps;
  let swept = 0;
  const onTurn = (): void => {
    swept = Math.max(swept, Math.min(2 * Math.PI, rt.poseWatch.unwrappedYaw - start));
    report(swept);
  };
  for (let i = 1; i <= steps; i++) {
    await rt.rotate(start + i * step - rt.poseWatch.unwrappedYaw, { signal, onProgress: onTurn });
  }
  report(2 * Math.PI);
}
