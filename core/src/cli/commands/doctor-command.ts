import type { Command } from 'commander';
import { action, type CommandEnv } from '../command-env.js';
import { runDoctorChecks, type DoctorResult } from '../doctor-checks.js';
import { realDoctorProbes } from '../doctor-probes.js';
import { EXIT_CODES } from '../exit-codes.js';
import { formatTable } from '../format-table.js';

const STATUS_LABEL: Record<DoctorResult['status'], string> = { ok: 'ok', missing: 'missing', failed: 'FAILED' };

/** Registers `omnimind doctor`. */
export function registerDoctorCommand(program: Command, env: CommandEnv): void {
  program
    .command('doctor')
    .description('check this machine: Node version, OmniMind packages, optional components')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
Needs no running system. Exits 1 when a required check fails (Node version, @omnimind/core or a
workspace plugin that does not load); missing optional components only print how to install them.

Examples:
  $ omnimind doctor
  $ REDIS_URL=redis://10.0.0.2:6379 omnimind doctor --json`,
    )
    .action(
      action(env, async (options: { json?: boolean }) => {
        const probes = { ...realDoctorProbes(env.ctx.env, env.ctx.cwd), ...env.deps.doctor };
        const results = await runDoctorChecks(probes);
        const failed = results.some((result) => result.required && result.status !== 'ok');
        if (options.json === true) {
          env.ctx.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        } else {
          const rows = results.map((r) => [r.name, STATUS_LABEL[r.status], r.required ? 'yes' : 'no', r.detail]);
          env.ctx.stdout.write(formatTable(['CHECK', 'STATUS', 'REQUIRED', 'DETAIL'], rows));
          const hints = results.filter((r) => r.status !== 'ok' && r.hint !== undefined);
          if (hints.length > 0) {
            env.ctx.stdout.write('\nTo install or fix:\n');
            for (const r of hints) env.ctx.stdout.write(`  ${r.name}: ${r.hint ?? ''}\n`);
          }
          env.ctx.stdout.write(failed ? '\nA required check failed.\n' : '\nAll required checks passed.\n');
        }
        return failed ? EXIT_CODES.failure : EXIT_CODES.ok;
      }),
    );
}
