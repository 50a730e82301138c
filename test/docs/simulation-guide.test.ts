import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWorld } from '@omnimind/simulator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('docs/guides/simulation.md', () => {
  it('shows a world that loads', () => {
    const guide = readFileSync(join(root, 'docs', 'guides', 'simulation.md'), 'utf8');
    const text = /```yaml\n(# my-lab\.yaml[\s\S]*?)```/.exec(guide)?.[1];
    expect(text).toBeDefined();
    const world = parseWorld(text ?? '', 'my-lab.yaml', { knownRobots: ['diffbot', 'mobile-manipulator'] });
    expect(world.objects.map((o) => `${o.colorName} ${o.label}`)).toEqual(['red box']);
    expect(world.spawns.map((s) => s.robot)).toEqual(['mobile-manipulator']);
  });

  it('shows launch/warehouse.launch.yaml as it is (the shipped launch files are started by a test)', () => {
    const guide = readFileSync(join(root, 'docs', 'guides', 'simulation.md'), 'utf8');
    const shown = /```yaml\n# launch\/warehouse\.launch\.yaml\n([\s\S]*?)```/.exec(guide)?.[1];
    const file = readFileSync(join(root, 'launch', 'warehouse.launch.yaml'), 'utf8');
    expect(file.endsWith(shown ?? 'missing')).toBe(true);
  });
});
