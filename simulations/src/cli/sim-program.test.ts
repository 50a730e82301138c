import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliContext } from '@omnimind/core';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildSimProgram, runSim } from './sim-program.js';
import { folderTimestamp, scenarioFileOf } from './sim-run-command.js';
import { scenariosDir } from '../scenario/load-scenario.js';

/** Captures what a command writes. */
class CaptureContext implements CliContext {
  stdoutText = '';
  stderrText = '';
  readonly stdout = { write: (text: string) => void (this.stdoutText += text) };
  readonly stderr = { write: (text: string) => void (this.stderrText += text) };
  readonly env: Record<string, string | undefined> = { CI: 'true' };
  readonly pid = process.pid;
  constructor(readonly cwd: string = process.cwd()) {}
  onSignal(): () => void {
    return () => undefined;
  }
  installProcessGuards(): () => void {
    return () => undefined;
  }
  onExit(): () => void {
    return () => undefined;
  }
  forceExit(): void {}
}

const run = async (args: string[], cwd?: string) => {
  const ctx = new CaptureContext(cwd);
  const code = await runSim(args, ctx);
  return { code, out: ctx.stdoutText, err: ctx.stderrText };
};

describe('omnimind sim', () => {
  it('prints help with examples for itself and every subcommand', async () => {
    const program = buildSimProgram(new CaptureContext(), () => undefined);
    const paths = [[], ...program.commands.map((c: Command) => [c.name()])];
    expect(paths.map((p) => p.join(' '))).toEqual(['', 'run', 'worlds', 'scenarios']);
    for (const p of paths) {
      const { code, out } = await run([...p, '--help']);
      expect(code, p.join(' ')).toBe(0);
      expect(out, p.join(' ')).toMatch(/^Usage: omnimind sim/);
      expect(out, p.join(' ')).toContain('Examples:\n  $ omnimind ');
    }
  });

  it('exits 2 on usage errors', async () => {
    expect(await run([])).toMatchObject({ code: 2 });
    expect(await run(['runn'])).toMatchObject({ code: 2, err: expect.stringContaining('(Did you mean run?)') });
    expect(await run(['run'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("missing required argument 'scenario'"),
    });
    expect(await run(['run', 'x.yaml', '--workers', '0'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('expected a whole number ≥ 1'),
    });
    expect(await run(['run', 'x.yaml', '--bogus'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("unknown option '--bogus'"),
    });
    expect(await run(['run', 'empty-room-to-dock', '--seeds', '5..1'])).toMatchObject({
      code: 2,
      err: "error[OMNI_ERR_SIM_USAGE]: --seeds '5..1': range 5..1 goes down; write 1..5\n",
    });
  });

  it('exits 3 on a bad scenario file, saying where', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'omnimind-sim-cli-'));
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      'world: empty-room\ngoal: {robot_at: {robot: robot1, place: kitchen}}\ntime_limit_s: 5\n',
    );
    const { code, err } = await run(['run', 'bad.yaml', '--quiet'], dir);
    expect(code).toBe(3);
    expect(err).toMatch(
      /^error\[OMNI_ERR_SCENARIO_REFERENCE\]: .*bad\.yaml:2:41: world 'empty-room' has no place 'kitchen'/,
    );
    writeFileSync(
      path.join(dir, 'typo.yaml'),
      'world: empty-room\nnodes:\n  - {pkg: "@omnimind/simulator", plugin: goal-drivr, name: d, params: {pose: [1, 1]}}\ngoal: {robot_at: {robot: robot1, place: centre}}\ntime_limit_s: 5\n',
    );
    const typo = await run(['run', 'typo.yaml', '--quiet'], dir);
    expect(typo.code).toBe(3);
    expect(typo.err).toMatch(/^error\[OMNI_ERR_UNKNOWN_PLUGIN\]: .*typo\.yaml:3:5: .*did you mean 'goal-driver'\?/);
    expect(await run(['run', 'missing.yaml'], dir)).toMatchObject({
      code: 3,
      err: expect.stringContaining('OMNI_ERR_SCENARIO_NOT_FOUND'),
    });
  });

  it('runs a batch, prints a line per episode and where the files are, and exits 0', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'omnimind-sim-run-'));
    const {
      code,
      out: stdout,
      err,
    } = await run(['run', 'empty-room-to-dock', '--seeds', '1,2', '--out', 'results', '--quiet', '--in-process'], out);
    expect(err).toMatch(
      /^\[1\/2\] seed 1: success in \d+\.\d s, 0 collisions, \d+\.\d\d m, \d\.\d{3} Wh\n\[2\/2\] seed 2: success/,
    );
    expect(stdout).toMatch(
      /^empty-room-to-dock: 2 episodes ran on 1 worker in \d+\.\d s, 2 met the goal \(100\.0%\)\n/,
    );
    expect(stdout).toContain(
      `wrote ${path.join(out, 'results', 'summary.json')}\nwrote ${path.join(out, 'results', 'report.html')}\n`,
    );
    expect(code).toBe(0);
    expect(existsSync(path.join(out, 'results', 'report.html'))).toBe(true);
  });

  it('lists the shipped worlds and scenarios', async () => {
    const worlds = await run(['worlds']);
    expect(worlds.code).toBe(0);
    expect(worlds.out).toMatch(/^empty-room +An empty 6 x 6 m room/m);
    expect(worlds.out).toMatch(/^office +A 16 x 10 m office/m);
    const scenarios = await run(['scenarios']);
    expect(scenarios.out).toMatch(/^empty-room-to-dock +\[empty-room\] robot1 drives/m);
  });

  it('finds a scenario by path or by shipped name, and names folders by a timestamp', () => {
    expect(scenarioFileOf('empty-room-to-dock', '/nowhere')).toBe(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));
    expect(scenarioFileOf('mine.yaml', '/projects/robot')).toBe('/projects/robot/mine.yaml');
    expect(scenarioFileOf('unknown-name', '/projects/robot')).toBe('/projects/robot/unknown-name');
    expect(folderTimestamp(new Date('2025-03-04T05:06:07.890Z'))).toBe('2025-03-04T05-06-07');
  });
});
