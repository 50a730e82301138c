import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTypeName, parseTypeName, qualifyReference, shortTypeName } from './type-names.js';

const pkg = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
const name = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/);
const kind = fc.constantFrom('msg' as const, 'srv' as const, 'action' as const);

describe('type names', () => {
  it('round-trips canonical names', () => {
    fc.assert(
      fc.property(pkg, kind, name, (p, k, n) => {
        const canonical = canonicalTypeName(p, k, n);
        expect(parseTypeName(canonical)).toEqual({ pkg: p, kind: k, name: n });
        expect(shortTypeName(canonical)).toBe(`${p}/${n}`);
        expect(parseTypeName(shortTypeName(canonical))).toEqual({ pkg: p, kind: undefined, name: n });
      }),
    );
  });

  it('rejects malformed names', () => {
    for (const bad of [
      '',
      'Twist',
      'geometry_msgs/twist',
      'Geometry/Twist',
      'a/b/c/D',
      'pkg/topic/T',
      'pkg//T',
      'pkg/msg/',
    ]) {
      expect(parseTypeName(bad), bad).toBeUndefined();
    }
  });

  it('qualifies references the way rosidl reads them', () => {
    expect(qualifyReference('Point', 'geometry_msgs')).toBe('geometry_msgs/msg/Point');
    expect(qualifyReference('std_msgs/Header', 'geometry_msgs')).toBe('std_msgs/msg/Header');
    expect(qualifyReference('pkg/action/A_Goal', 'x')).toBe('pkg/action/A_Goal');
  });
});
