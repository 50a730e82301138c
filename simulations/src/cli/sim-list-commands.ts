import { readdirSync } from 'node:fs';
import path from 'node:path';
import { OmniError, type CliContext } from '@omnimind/core';
import { loadScenario, scenariosDir } from '../scenario/load-scenario.js';
import { loadWorld } from '../world/load-world.js';
import { listWorlds, worldsDir } from '../world/worlds-dir.js';

/** Rows as aligned columns: the first padded to the widest entry. */
function columns(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows.map(([name, text]) => `${name.padEnd(width)}  ${text}`.trimEnd()).join('\n') + (rows.length ? '\n' : '');
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `omnimind sim worlds`: each shipped world with its description. */
export function listWorldsCommand(ctx: CliContext): number {
  const rows = listWorlds().map((name): [string, string] => {
    try {
      return [
        name,
        oneLine(loadWorld(path.join(worldsDir(), `${name}.yaml`), { knownRobots: () => true }).description),
      ];
    } catch (error) {
      return [name, `(does not load: ${error instanceof OmniError ? error.code : String(error)})`];
    }
  });
  ctx.stdout.write(columns(rows));
  return 0;
}

/** `omnimind sim scenarios`: each shipped scenario with its world and description. */
export function listScenariosCommand(ctx: CliContext): number {
  const files = readdirSync(scenariosDir())
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const rows = files.map((file): [string, string] => {
    const name = file.slice(0, -'.yaml'.length);
    try {
      const scenario = loadScenario(path.join(scenariosDir(), file));
      return [name, `[${scenario.world.name}] ${oneLine(scenario.description)}`];
    } catch (error) {
      return [name, `(does not load: ${error instanceof OmniError ? error.code : String(error)})`];
    }
  });
  ctx.stdout.write(columns(rows));
  return 0;
}
