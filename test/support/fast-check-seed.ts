import fc from 'fast-check';

// Property tests in CI use a fixed seed so that a run is reproducible and a rare counterexample
// cannot fail an unrelated change; `npm run test:properties` explores fresh seeds with more runs.
const seed = process.env['FC_SEED'];
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 100);
fc.configureGlobal({ numRuns, ...(seed === 'random' ? {} : { seed: seed === undefined ? 20_261_125 : Number(seed) }) });
