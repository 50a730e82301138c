export { runCli } from './run-cli.js';
export { buildProgram } from './program.js';
export {
  createNodeCliContext,
  exitAfterFlush,
  type CliContext,
  type GuardedFailure,
  type StopSignal,
  type TextOutput,
} from './cli-context.js';
export type { CliDependencies, SinglePluginStartOptions, StartLaunchFn, StartSinglePluginFn } from './command-env.js';
export { EXIT_CODES, exitCodeForError, type ExitCode } from './exit-codes.js';
export { CLI_ERROR_CODES, CliUsageError, OperationRejectedError, StreamEndedError } from './cli-errors.js';
export {
  parseAssignment,
  parseControlAddress,
  parseParamOverride,
  parseRemap,
  parseYamlValue,
  type Assignment,
  type ControlAddress,
} from './argument-parsers.js';
export { HzMeter, formatHzStats, type HzStats } from './hz-meter.js';
export { runDoctorChecks, type DoctorResult } from './doctor-checks.js';
export { realDoctorProbes, type DoctorProbes } from './doctor-probes.js';
export { hostSystem, type HostOptions } from './system-host.js';
export { discoverCliCommands, registerExtensionCommands } from './cli-extensions.js';
export type { CliCommandExtension, CliExtensionModule, DiscoveredCommand } from './cli-extensions.js';
