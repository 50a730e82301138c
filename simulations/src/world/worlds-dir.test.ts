import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listWorlds, resolveWorldFile, worldsDir } from './worlds-dir.js';

describe('shipped worlds folder', () => {
  it('is the package worlds folder', () => {
    expect(path.basename(worldsDir())).toBe('worlds');
    expect(existsSync(path.join(worldsDir(), 'office.yaml'))).toBe(true);
  });

  it('lists the shipped worlds by name', () => {
    expect(listWorlds()).toEqual(expect.arrayContaining(['empty-room', 'office', 'warehouse']));
    expect([...listWorlds()].sort()).toEqual(listWorlds());
  });

  it('resolves a bare name to a shipped world and anything else as a path', () => {
    expect(resolveWorldFile('office')).toBe(path.join(worldsDir(), 'office.yaml'));
    expect(resolveWorldFile('my-world.yaml')).toBe(path.resolve('my-world.yaml'));
    expect(resolveWorldFile('maps/office')).toBe(path.resolve('maps/office'));
    expect(resolveWorldFile('maps/office.yaml', '/srv/launch')).toBe(path.resolve('/srv/launch/maps/office.yaml'));
    expect(resolveWorldFile('/abs/w.yaml', '/srv/launch')).toBe(path.resolve('/abs/w.yaml'));
  });
});
