import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { OmniError, UserInputError } from '../errors/omni-error.js';
import {
  AmbiguousInstanceError,
  ControlError,
  ControlUnreachableError,
  NoRunningSystemError,
  RemoteControlError,
} from '../control/control-errors.js';
import { CliUsageError, OperationRejectedError, StreamEndedError } from './cli-errors.js';
import { EXIT_CODES, exitCodeForError } from './exit-codes.js';

describe('exitCodeForError', () => {
  it('maps every kind of failure to its documented code', () => {
    const cases: [unknown, number][] = [
      [new CommanderError(0, 'commander.helpDisplayed', ''), 0],
      [new CommanderError(1, 'commander.unknownOption', ''), 2],
      [new CliUsageError('OMNI_ERR_CLI_USAGE', 'x'), 2],
      [new AmbiguousInstanceError('OMNI_ERR_INSTANCE_AMBIGUOUS', 'x'), 2],
      [new ControlError('OMNI_ERR_CONTROL_ADDRESS', 'x'), 2],
      [new UserInputError('OMNI_ERR_LAUNCH_YAML', 'x', { file: 'a', line: 1, col: 1 }), 3],
      [new NoRunningSystemError('OMNI_ERR_NO_RUNNING_SYSTEM', 'x'), 4],
      [new ControlUnreachableError('OMNI_ERR_CONTROL_UNREACHABLE', 'x'), 4],
      [new StreamEndedError('OMNI_ERR_CLI_STREAM_ENDED', 'x'), 4],
      [new RemoteControlError('OMNI_ERR_CONTROL_UNAUTHORIZED', 'x', 401, 'ControlError'), 4],
      [new OperationRejectedError('OMNI_ERR_CLI_REJECTED', 'x'), 5],
      [new RemoteControlError('OMNI_ERR_LIFECYCLE_TRANSITION', 'x', 409, 'OmniError'), 5],
      [new RemoteControlError('OMNI_ERR_UNKNOWN_PARAM', 'x', 404, 'OmniError'), 5],
      [new RemoteControlError('OMNI_ERR_CONTROL_INTERNAL', 'x', 500, 'Error'), 1],
      [new OmniError('OMNI_ERR_PLUGIN_CRASH', 'x'), 1],
      [new Error('x'), 1],
      ['a string', 1],
    ];
    for (const [error, code] of cases) expect(exitCodeForError(error), String(error)).toBe(code);
  });

  it('documents the codes', () => {
    expect(EXIT_CODES).toEqual({
      ok: 0,
      failure: 1,
      usage: 2,
      validation: 3,
      unreachable: 4,
      rejected: 5,
      interrupted: 130,
    });
  });
});
