import { describe, expect, it } from 'vitest';
import { QOS_DEFAULT } from './qos.js';
import type { QosProfile } from './qos.js';
import { checkQosCompatibility, isQosCompatible } from './qos-compatibility.js';

const q = (settings: Partial<QosProfile>): QosProfile => ({ ...QOS_DEFAULT, ...settings });

describe('checkQosCompatibility', () => {
  it.each([
    // publisher, subscription, incompatible policies
    [{ reliability: 'reliable' }, { reliability: 'reliable' }, []],
    [{ reliability: 'reliable' }, { reliability: 'best_effort' }, []],
    [{ reliability: 'best_effort' }, { reliability: 'best_effort' }, []],
    [{ reliability: 'best_effort' }, { reliability: 'reliable' }, ['reliability']],
    [{ durability: 'transient_local' }, { durability: 'volatile' }, []],
    [{ durability: 'transient_local' }, { durability: 'transient_local' }, []],
    [{ durability: 'volatile' }, { durability: 'transient_local' }, ['durability']],
    [{ deadlineMs: 100 }, { deadlineMs: 200 }, []],
    [{ deadlineMs: 100 }, { deadlineMs: 100 }, []],
    [{ deadlineMs: 200 }, { deadlineMs: 100 }, ['deadline']],
    [{ deadlineMs: 0 }, { deadlineMs: 100 }, ['deadline']],
    [{ deadlineMs: 100 }, { deadlineMs: 0 }, []],
    [
      { reliability: 'best_effort', durability: 'volatile', deadlineMs: 0 },
      { reliability: 'reliable', durability: 'transient_local', deadlineMs: 50 },
      ['reliability', 'durability', 'deadline'],
    ],
  ] as const)('pub %j / sub %j -> %j', (pub, sub, policies) => {
    const problems = checkQosCompatibility(q(pub), q(sub));
    expect(problems.map((p) => p.policy)).toEqual(policies);
    expect(isQosCompatible(q(pub), q(sub))).toBe(policies.length === 0);
    for (const p of problems) expect(p.reason.length).toBeGreaterThan(10);
  });

  it('ignores depth, history and lifespan', () => {
    expect(isQosCompatible(q({ depth: 1, history: 'keep_all', lifespanMs: 5 }), q({ depth: 100 }))).toBe(true);
  });
});
