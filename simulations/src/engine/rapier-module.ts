import RAPIER from '@dimforge/rapier2d-compat';
import type { Rapier } from './physics/collider-shapes.js';

let ready: Promise<void> | undefined;

/** The Rapier module, its WebAssembly initialised once per process. */
export async function loadRapier(): Promise<Rapier> {
  ready ??= RAPIER.init();
  await ready;
  return RAPIER;
}
