/**
 * Codes of the errors the scenario runner raises. File problems are `UserInputError`s whose
 * message starts with the `file:line:col` of the value concerned; docs/reference/errors.md lists
 * cause and fix of each.
 */
export const ScenarioErrorCode = Object.freeze({
  /** The scenario file cannot be read. */
  NotFound: 'OMNI_ERR_SCENARIO_NOT_FOUND',
  /** The file is not well-formed YAML. */
  Yaml: 'OMNI_ERR_SCENARIO_YAML',
  /** A key or value does not fit the scenario format. */
  Schema: 'OMNI_ERR_SCENARIO_SCHEMA',
  /** The file names a world, launch file, robot, place, dock or object that does not exist. */
  Reference: 'OMNI_ERR_SCENARIO_REFERENCE',
  /** No collision-free start pose was found within the scenario's start jitter. */
  StartBlocked: 'OMNI_ERR_SCENARIO_START_BLOCKED',
  /** An episode could not run to its end (a node failed to start or crashed, a worker died). */
  Episode: 'OMNI_ERR_SCENARIO_EPISODE',
  /** Bad arguments to `omnimind sim` (seeds, workers, unknown option). */
  Usage: 'OMNI_ERR_SIM_USAGE',
} as const);

/** One of the {@link ScenarioErrorCode} values. */
export type ScenarioErrorCode = (typeof ScenarioErrorCode)[keyof typeof ScenarioErrorCode];
