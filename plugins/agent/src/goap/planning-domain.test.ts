import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { compileDomain } from './planning-domain.js';
import { DEMO_SPEC } from './testing/demo-domain.js';

describe('compileDomain', () => {
  const domain = compileDomain(DEMO_SPEC);

  it('computes symmetric shortest path lengths from the neighbour table', () => {
    expect(domain.distance('dock', 'hall')).toBe(4);
    expect(domain.distance('hall', 'dock')).toBe(4);
    expect(domain.distance('dock', 'shelf')).toBe(10);
    expect(domain.distance('shelf', 'door')).toBe(11);
    expect(domain.distance('dock', 'door')).toBe(12);
    expect(domain.distance('door', 'door')).toBe(0);
    expect(domain.nearestDock('door')).toEqual({ dock: 'dock', distance: 12 });
  });

  it('knows what can be seen from where', () => {
    expect(domain.canSee('hall', 'shelf')).toBe(true);
    expect(domain.canSee('shelf', 'hall')).toBe(false);
    expect(domain.canSee('door', 'door')).toBe(true);
  });

  it('fills in skill defaults', () => {
    expect(domain.robot).toMatchObject({
      pushSpeed: 0.25,
      pullSpeed: 0.25,
      graspS: 4,
      releaseS: 3,
      observeS: 2,
      dockS: 5,
    });
    expect(domain.objects['cart']).toEqual({ graspable: false, pushable: true, pullable: false });
  });

  it.each([
    [{ distances: { dock: { attic: 3 } } }, /unknown place 'attic'/],
    [{ distances: { dock: { hall: -1 } } }, /finite number ≥ 0/],
    [{ docks: ['attic'] }, /unknown place 'attic' in docks/],
    [{ sightlines: { hall: ['attic'] } }, /unknown place 'attic'/],
    [{ places: ['dock', 'dock'] }, /listed twice/],
    [{ robot: { linearSpeed: 0, angularSpeed: 1 } }, /linearSpeed/],
    [{ objects: { hall: { graspable: true } } }, /name of a place/],
    [{ battery: { ...DEMO_SPEC.battery, capacityAh: -1 } }, /battery/],
  ])('rejects an inconsistent domain (%#)', (override, message) => {
    try {
      compileDomain({ ...DEMO_SPEC, ...override });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_GOAP_INVALID_DOMAIN')).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});
