import type { CliCommandExtension } from '@omnimind/core';
import { runSim } from './sim-program.js';

/**
 * The commands the simulator adds to `omnimind` (declared in this package's `omnimind.cli`):
 * `omnimind sim run|worlds|scenarios`.
 */
export const commands: readonly CliCommandExtension[] = [{ name: 'sim', run: (args, ctx) => runSim(args, ctx) }];
