import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalIdFromMessage, goalIdToMessage, newGoalId, ZERO_GOAL_ID } from './goal-id.js';
import { actionEndpointNames, isHiddenName, serviceTopicNames } from './hidden-names.js';
import { RateMeter } from './rate-meter.js';

describe('goal ids', () => {
  it('round-trips between text and 16 bytes', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const message = goalIdToMessage(id);
        expect(message.uuid).toHaveLength(16);
        expect(goalIdFromMessage(message)).toBe(id.toLowerCase());
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }), (bytes) => {
        expect(goalIdToMessage(goalIdFromMessage({ uuid: bytes })).uuid).toEqual(bytes);
      }),
    );
  });

  it('creates distinct ids and rejects malformed ones', () => {
    expect(newGoalId()).not.toBe(newGoalId());
    expect(goalIdToMessage(ZERO_GOAL_ID).uuid.every((b) => b === 0)).toBe(true);
    expect(() => goalIdToMessage('not-a-uuid')).toThrow(TypeError);
    expect(() => goalIdFromMessage({ uuid: [1, 2, 3] })).toThrow(TypeError);
  });
});

describe('hidden names', () => {
  it('follows the ROS 2 rule: a token starting with an underscore hides the name', () => {
    expect(isHiddenName('/a/_b/c')).toBe(true);
    expect(isHiddenName('/_x')).toBe(true);
    expect(isHiddenName('/a_b/c_')).toBe(false);
    expect(isHiddenName(serviceTopicNames('/srv').request)).toBe(true);
    expect(actionEndpointNames('/nav').status).toBe('/nav/_action/status');
  });
});

describe('RateMeter', () => {
  it('estimates the rate from recent publishes and falls to 0 when silent', () => {
    const meter = new RateMeter(1000);
    expect(meter.rateHz(0)).toBe(0);
    for (let t = 0; t <= 1000; t += 10) meter.record(t);
    expect(meter.rateHz(1000)).toBeCloseTo(100, 6);
    expect(meter.rateHz(2500)).toBe(0);
    // Only publishes inside the window count.
    const slow = new RateMeter(1000);
    slow.record(0);
    slow.record(900);
    slow.record(1400);
    expect(slow.rateHz(1500)).toBeCloseTo(2, 6);
  });
});
