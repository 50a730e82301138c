import path from 'node:path';
import type { SourceLocation } from '../errors/omni-error.js';
import { didYouMeanSuffix, quoteList } from './did-you-mean.js';
import { evaluateExpression } from './eval-expression.js';
import { EvalProblem, pythonStr } from './eval-values.js';
import { findPackageShare } from './find-package-share.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
import { parseSubstitutions, type SubstitutionCall, type SubstitutionPart } from './substitution-parser.js';

/** What substitutions can see while a launch file is evaluated. */
export interface SubstitutionContext {
  /** Launch configurations (`arg`, `let`, include arguments) visible in the current scope. */
  readonly vars: ReadonlyMap<string, string>;
  /** Environment lookup, including earlier `set_env`/`unset_env` actions. */
  env(name: string): string | undefined;
  /** Absolute path of the launch file being evaluated. */
  readonly filePath: string;
  /** Directories from which `$(find-pkg-share)` starts its search, in order. */
  readonly packageSearchDirs: readonly string[];
}

/** Maps an offset in the substituted string to a place in the file. */
export type Locator = (offset: number) => SourceLocation;

interface SubstitutionSpec {
  readonly min: number;
  readonly max: number;
  readonly usage: string;
}

/** The substitutions a launch file may use, with how many arguments each takes. */
export const SUBSTITUTIONS: ReadonlyMap<string, SubstitutionSpec> = new Map([
  ['var', { min: 1, max: 1, usage: '$(var name)' }],
  ['env', { min: 1, max: 2, usage: '$(env NAME) or $(env NAME default)' }],
  ['optenv', { min: 1, max: 2, usage: '$(optenv NAME) or $(optenv NAME default)' }],
  ['dirname', { min: 0, max: 0, usage: '$(dirname)' }],
  ['filename', { min: 0, max: 0, usage: '$(filename)' }],
  ['find-pkg-share', { min: 1, max: 1, usage: '$(find-pkg-share package-name)' }],
  ['eval', { min: 1, max: Number.POSITIVE_INFINITY, usage: "$(eval 'expression')" }],
]);

/**
 * Replaces every `$(...)` in `text` (innermost first) and returns the result. Throws
 * {@link LaunchFileError} naming the place of the failing substitution.
 */
export function resolveSubstitutions(text: string, context: SubstitutionContext, locate: Locator): string {
  const parsed = parseSubstitutions(text);
  if (!parsed.ok) {
    throw new LaunchFileError(
      LaunchErrorCode.SubstitutionSyntax,
      `bad substitution in '${text}': ${parsed.message}`,
      locate(parsed.offset),
    );
  }
  return evaluateParts(parsed.parts, context, locate);
}

function evaluateParts(parts: readonly SubstitutionPart[], context: SubstitutionContext, locate: Locator): string {
  let out = '';
  for (const part of parts) out += part.kind === 'text' ? part.text : evaluateCall(part, context, locate);
  return out;
}

function evaluateCall(call: SubstitutionCall, context: SubstitutionContext, locate: Locator): string {
  const location = locate(call.start);
  const spec = SUBSTITUTIONS.get(call.name);
  if (!spec) {
    const known = [...SUBSTITUTIONS.keys()];
    throw new LaunchFileError(
      LaunchErrorCode.UnknownSubstitution,
      `unknown substitution '$(${call.name} ...)'${didYouMeanSuffix(call.name, known)} (known: ${quoteList(known)})`,
      location,
    );
  }
  if (call.args.length < spec.min || call.args.length > spec.max) {
    throw new LaunchFileError(
      LaunchErrorCode.SubstitutionSyntax,
      `$(${call.name}) takes ${describeArity(spec)}, got ${call.args.length}; write ${spec.usage}` +
        (call.name === 'eval' || spec.max === 1 ? ' (quote an argument that holds spaces)' : ''),
      location,
    );
  }
  const args = call.args.map((arg) => evaluateParts(arg, context, locate));
  const first = args[0] ?? '';
  switch (call.name) {
    case 'var': {
      const value = context.vars.get(first);
      if (value === undefined) {
        const known = [...context.vars.keys()];
        throw new LaunchFileError(
          LaunchErrorCode.UndefinedVar,
          `undefined launch configuration '${first}' in $(var ${first})${didYouMeanSuffix(first, known)}; ` +
            `declare it with an 'arg' or 'let' action` +
            (known.length > 0 ? ` (defined here: ${quoteList(known)})` : ' (none is defined here)'),
          location,
        );
      }
      return value;
    }
    case 'env': {
      const value = context.env(first);
      if (value !== undefined) return value;
      if (args.length > 1) return args[1] ?? '';
      throw new LaunchFileError(
        LaunchErrorCode.EnvUnset,
        `environment variable '${first}' is not set; set it, give a default ($(env ${first} default)) or use $(optenv ${first})`,
        location,
      );
    }
    case 'optenv':
      return context.env(first) ?? args[1] ?? '';
    case 'dirname':
      return path.dirname(context.filePath);
    case 'filename':
      return context.filePath;
    case 'find-pkg-share': {
      const dir = findPackageShare(first, context.packageSearchDirs);
      if (dir === undefined) {
        throw new LaunchFileError(
          LaunchErrorCode.PackageNotFound,
          `package '${first}' not found from ${quoteList(context.packageSearchDirs)}; ` +
            'install it (npm i) or add it to the workspace, and check the spelling',
          location,
        );
      }
      return dir;
    }
    default:
      return evaluate(args.join(' '), location);
  }
}

function evaluate(expression: string, location: SourceLocation): string {
  try {
    return pythonStr(evaluateExpression(expression));
  } catch (error) {
    if (error instanceof EvalProblem) {
      throw new LaunchFileError(LaunchErrorCode.Eval, `cannot evaluate '${expression}': ${error.message}`, location);
    }
    throw error;
  }
}

function describeArity(spec: SubstitutionSpec): string {
  if (spec.min === spec.max)
    return spec.min === 0 ? 'no arguments' : `${spec.min} argument${spec.min === 1 ? '' : 's'}`;
  if (spec.max === Number.POSITIVE_INFINITY) return `at least ${spec.min} argument`;
  return `${spec.min} to ${spec.max} arguments`;
}
