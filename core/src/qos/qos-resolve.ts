import { InvalidQosError, UnknownQosPresetError } from './qos-errors.js';
import { QOS_DEFAULT, QOS_PRESETS } from './qos.js';
import type { QosProfile, QosSettings } from './qos.js';

const HISTORY = ['keep_last', 'keep_all'] as const;
const RELIABILITY = ['reliable', 'best_effort'] as const;
const DURABILITY = ['volatile', 'transient_local'] as const;

function checkEnum(field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new InvalidQosError(field, value, allowed.map((a) => `'${a}'`).join(' or '));
  }
}

function checkMs(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidQosError(field, value, 'a finite number of milliseconds >= 0 (0 = not set)');
  }
}

/** Throws unless every field of `profile` holds a legal value; returns it frozen. */
export function validateQos(profile: QosProfile): QosProfile {
  checkEnum('history', profile.history, HISTORY);
  checkEnum('reliability', profile.reliability, RELIABILITY);
  checkEnum('durability', profile.durability, DURABILITY);
  if (typeof profile.depth !== 'number' || !Number.isInteger(profile.depth) || profile.depth < 1) {
    throw new InvalidQosError('depth', profile.depth, 'an integer >= 1');
  }
  checkMs('deadlineMs', profile.deadlineMs);
  checkMs('lifespanMs', profile.lifespanMs);
  return Object.isFrozen(profile) ? profile : Object.freeze({ ...profile });
}

/**
 * Turns what a user wrote (a preset name, partial settings, or nothing) into a complete, validated
 * profile. Missing fields come from `base` (default {@link QOS_DEFAULT}); a preset name is looked up
 * in {@link QOS_PRESETS}.
 *
 * @example
 * ```ts
 * resolveQos('sensor_data');            // keep last 5, best effort
 * resolveQos({ depth: 1 }, QOS_LATCHED) // latched with depth 1
 * ```
 */
export function resolveQos(qos: QosSettings | string | undefined, base: QosProfile = QOS_DEFAULT): QosProfile {
  if (qos === undefined) return validateQos(base);
  if (typeof qos === 'string') {
    const preset = QOS_PRESETS[qos];
    if (!preset) throw new UnknownQosPresetError(qos, Object.keys(QOS_PRESETS));
    return validateQos(preset);
  }
  if (typeof qos !== 'object' || qos === null) {
    throw new InvalidQosError('profile', qos, 'a preset name or an object of QoS settings');
  }
  const known = new Set(Object.keys(QOS_DEFAULT));
  for (const key of Object.keys(qos)) {
    if (!known.has(key)) throw new InvalidQosError(key, (qos as Record<string, unknown>)[key], 'a known policy name');
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(qos)) if (value !== undefined) merged[key] = value;
  return validateQos(merged as unknown as QosProfile);
}
