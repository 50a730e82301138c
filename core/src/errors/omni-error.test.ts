import { describe, expect, it } from 'vitest';
import { OmniError, UserInputError, formatLocation, hasErrorCode } from './omni-error.js';

describe('OmniError', () => {
  it('carries a stable code, a name, details and a cause', () => {
    const cause = new Error('disk full');
    const error = new OmniError('OMNI_ERR_X', 'could not save', { cause, details: { path: '/a' } });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'OMNI_ERR_X',
      name: 'OmniError',
      message: 'could not save',
      cause,
      details: { path: '/a' },
    });
    expect(hasErrorCode(error, 'OMNI_ERR_X')).toBe(true);
    expect(hasErrorCode(error, 'OMNI_ERR_Y')).toBe(false);
    expect(hasErrorCode(new Error('x'), 'OMNI_ERR_X')).toBe(false);
  });

  it('prefixes user-input errors with file:line:col', () => {
    class LaunchProblem extends UserInputError {}
    const error = new LaunchProblem('OMNI_ERR_Z', 'unknown key', { file: 'a.launch.yaml', line: 3, col: 7 });
    expect(error.message).toBe('a.launch.yaml:3:7: unknown key');
    expect(error.name).toBe('LaunchProblem');
    expect(formatLocation({ file: 'f', line: 1, col: 2 })).toBe('f:1:2');
    expect(new UserInputError('OMNI_ERR_Z', 'no place').message).toBe('no place');
  });
});
