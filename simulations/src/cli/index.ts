/** The `omnimind sim` command line. */
export { commands } from './sim-extension.js';
export { buildSimProgram, runSim } from './sim-program.js';
export { defaultWorkers } from './default-workers.js';
export { parseSeedList, MAX_SEEDS } from './seed-list.js';
export { SimUsageError } from './sim-usage-error.js';
