import type { OmniError } from '@omnimind/core';
import type { z } from 'zod';
import { ControllerParamsInvalid } from './control-errors.js';

/**
 * Parses `input` with `schema` (filling defaults) and turns a failure into one error that lists
 * every offending parameter by its dotted name.
 */
export function parseParams<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  makeError: (message: string, details: Record<string, unknown>) => OmniError = (m, d) =>
    new ControllerParamsInvalid(m, d),
): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw makeError(`invalid ${what} parameters: ${problems.join('; ')}`, { problems });
}

/** Throws {@link ControllerParamsInvalid} unless `ok`; for rules that tie two parameters together. */
export function requireParams(ok: boolean, what: string, problem: string): void {
  if (!ok) throw new ControllerParamsInvalid(`invalid ${what} parameters: ${problem}`, { problems: [problem] });
}
