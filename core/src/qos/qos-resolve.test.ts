import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OmniError } from '../errors/omni-error.js';
import { QOS_DEFAULT, QOS_LATCHED, QOS_PRESETS, QOS_SENSOR_DATA } from './qos.js';
import { resolveQos } from './qos-resolve.js';

describe('resolveQos', () => {
  it('uses the default profile when nothing is given', () => {
    expect(resolveQos(undefined)).toEqual(QOS_DEFAULT);
  });

  it('looks presets up by name', () => {
    expect(resolveQos('sensor_data')).toEqual(QOS_SENSOR_DATA);
    expect(resolveQos('latched')).toEqual(QOS_LATCHED);
    for (const [name, profile] of Object.entries(QOS_PRESETS)) expect(resolveQos(name)).toEqual(profile);
  });

  it('fills missing fields from the base profile and freezes the result', () => {
    const qos = resolveQos({ depth: 3, lifespanMs: 200 }, QOS_LATCHED);
    expect(qos).toEqual({ ...QOS_LATCHED, depth: 3, lifespanMs: 200 });
    expect(Object.isFrozen(qos)).toBe(true);
  });

  it('names the unknown preset and the known ones', () => {
    expect(() => resolveQos('sensor')).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_QOS_UNKNOWN_PRESET', message: expect.stringContaining('sensor_data') }),
    );
  });

  it.each([
    [{ depth: 0 }, 'depth'],
    [{ depth: 1.5 }, 'depth'],
    [{ reliability: 'sometimes' }, 'reliability'],
    [{ durability: 'persistent' }, 'durability'],
    [{ history: 'keep_some' }, 'history'],
    [{ deadlineMs: -1 }, 'deadlineMs'],
    [{ lifespanMs: Number.POSITIVE_INFINITY }, 'lifespanMs'],
    [{ depht: 3 }, 'depht'],
  ])('rejects %j naming the field', (settings, field) => {
    expect(() => resolveQos(settings as never)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_QOS_INVALID', details: expect.objectContaining({ field }) }),
    );
  });

  it('either returns a valid profile or throws a QoS error, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.anything()), fc.object()), (input) => {
        try {
          const qos = resolveQos(input as never);
          expect(['keep_last', 'keep_all']).toContain(qos.history);
          expect(qos.depth).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(OmniError);
          expect((error as OmniError).code).toMatch(/^OMNI_ERR_QOS_/);
        }
      }),
    );
  });
});
