import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { UserInputError, formatLocation, type SourceLocation } from '../errors/omni-error.js';
import type { DataPath, LocatedYaml } from './located-yaml.js';

/** One schema problem, placed in the file. */
export interface PlacedProblem {
  readonly location: SourceLocation;
  readonly path: string;
  readonly message: string;
}

/**
 * A YAML file that does not match its schema. The message starts with the first problem's
 * `file:line:col`; `details.problems` lists all of them.
 */
export class SchemaFileError extends UserInputError {
  constructor(code: string, problems: readonly PlacedProblem[]) {
    const [first] = problems;
    const text =
      problems.length === 1 && first
        ? `${first.path ? `${first.path}: ` : ''}${first.message}`
        : `${problems.length} problems:\n  ${problems.map((p) => `${formatLocation(p.location)}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n  ')}`;
    super(code, text, first?.location, { details: { problems } });
  }
}

/**
 * Validates located YAML data against a zod schema (use `z.strictObject` so that unknown keys are
 * errors). Each problem points at the value or key it concerns; unknown keys get a did-you-mean
 * from the keys the schema accepts there.
 */
export function parseWithSchema<S extends z.ZodType>(source: LocatedYaml, schema: S, code: string): z.infer<S> {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  const problems: PlacedProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const accepted = acceptedKeys(schema, path, source.data);
      for (const key of issue.keys) {
        const suggestion = accepted.length > 0 ? closest(key, accepted) : undefined;
        problems.push({
          location: source.locateKey(path, key),
          path: dotted(path),
          message:
            `unknown key '${key}'` +
            (suggestion ? `; did you mean '${suggestion}'?` : '') +
            (accepted.length > 0 ? ` (expected one of: ${accepted.join(', ')})` : ''),
        });
      }
      continue;
    }
    problems.push({ location: source.locate(path), path: dotted(path), message: describeIssue(issue) });
  }
  problems.sort((a, b) => a.location.line - b.location.line || a.location.col - b.location.col);
  throw new SchemaFileError(code, problems);
}

function dotted(path: DataPath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required; expected ${issue.expected}`;
  return issue.message.replace(/^Invalid input: /, '');
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Keys a schema accepts for the object at `path` (unions contribute the keys of every option). */
function acceptedKeys(schema: z.ZodType, path: DataPath, data: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: z.ZodType, rest: DataPath, value: unknown): void => {
    const def = defOf(node);
    if (def.innerType) return visit(def.innerType, rest, value);
    if (def.in) return visit(def.in, rest, value);
    if (def.options) return def.options.forEach((option) => visit(option, rest, value));
    if (rest.length === 0) {
      if (def.shape) Object.keys(def.shape).forEach((k) => found.add(k));
      return;
    }
    const [head, ...tail] = rest;
    const child =
      value && typeof value === 'object' ? (value as Record<string | number, unknown>)[head as string] : undefined;
    if (def.shape && typeof head === 'string' && def.shape[head]) return visit(def.shape[head], tail, child);
    if (def.element && typeof head === 'number') return visit(def.element, tail, child);
    if (def.valueType) return visit(def.valueType, tail, child);
  };
  visit(schema, path, data);
  return [...found].sort();
}
