import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOAL_DRIVER_TARGET_ERROR } from '../driver/goal-driver-plugin.js';
import { goalDriverParams } from '../driver/goal-driver-params.js';
import { parseScenario, scenariosDir } from './load-scenario.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import { METRIC_NAMES } from './scenario-types.js';

const reference = (name: string): string => fileURLToPath(new URL(`../../../docs/reference/${name}`, import.meta.url));
const formatDoc = readFileSync(reference('scenario-format.md'), 'utf8');

describe('scenario format reference', () => {
  it('has an example that is the shipped empty-room scenario, and it loads', () => {
    const example = /## An example\n\n```yaml\n# (\S+)\n([^]*?)```/.exec(formatDoc);
    expect(example?.[1]).toBe('simulations/scenarios/empty-room-to-dock.yaml');
    const scenario = parseScenario(example?.[2] ?? '', `${scenariosDir()}/example.yaml`);
    expect(scenario.name).toBe('empty-room-to-dock');
  });

  it('describes every shipped scenario, metric and goal-driver parameter', () => {
    for (const file of readdirSync(scenariosDir()).filter((f) => f.endsWith('.yaml')))
      expect(formatDoc).toContain(`| \`${file.slice(0, -'.yaml'.length)}\``);
    for (const metric of ['seed', ...METRIC_NAMES]) expect(formatDoc).toMatch(new RegExp(`\\| \`${metric}\` +\\|`));
    for (const param of Object.keys(goalDriverParams.shape))
      expect(formatDoc).toMatch(new RegExp(`\\| \`${param}\` +\\|`));
  });

  it('names every error code, and the errors reference gives each its cause and fix', () => {
    const errorDocs = ['errors-scenarios.part.md', 'errors.md']
      .map(reference)
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const code of [...Object.values(ScenarioErrorCode), GOAL_DRIVER_TARGET_ERROR]) {
      expect(formatDoc).toContain(`\`${code}\``);
      expect(errorDocs).toMatch(new RegExp(`### \`${code}\`\\n\\n- \\*\\*Cause:\\*\\*[^]*?- \\*\\*Fix:\\*\\*`));
    }
  });
});
