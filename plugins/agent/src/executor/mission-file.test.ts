import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMissionFile } from './mission-file.js';
import { loadSemanticMap } from './semantic-map.js';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'omnimind-mission-')), 'mission.yaml');
  writeFileSync(path, text);
  return path;
}

describe('mission and semantic map files', () => {
  it('reads objects and goals with their defaults', () => {
    const mission = loadMissionFile(
      file('objects:\n  box: { at: shelf }\ngoals:\n  - id: g\n    target: { objectAt: { box: dock } }\n'),
    );
    expect(mission.objects['box']).toEqual({ at: 'shelf', graspable: true, pushable: false, pullable: false });
    expect(mission.goals[0]).toMatchObject({ id: 'g', priority: 0, success: { maxReplans: 3, holdS: 0 } });
  });

  it('says where a mission goes wrong and what was expected', () => {
    expect(() => loadMissionFile(file('goals:\n  - id: g\n    target: {}\n'))).toThrow(
      /mission\.yaml:3:13: .*at least one fact/,
    );
    expect(() => loadMissionFile(file('objects:\n  box: { where: shelf }\n'))).toThrow(/mission\.yaml:2:\d+:/);
    expect(() => loadMissionFile('/no/such/mission.yaml')).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_AGENT_MISSION' }),
    );
  });

  it('reads the places and docks of a world file as a semantic map, in radians', () => {
    const map = loadSemanticMap(
      file(
        'name: w\nplaces:\n  a: { x: 1, y: 2, theta_deg: 90 }\ndocks:\n  - { id: d, pose: { x: 0, y: 0, theta_deg: 180 }, radius: 0.3 }\n',
      ),
    );
    expect(map.places['a']).toEqual({ x: 1, y: 2, theta: Math.PI / 2 });
    expect(map.docks).toEqual([{ id: 'd', pose: { x: 0, y: 0, theta: Math.PI }, radius: 0.3 }]);
  });
});
