import { Subject, type Observable } from 'rxjs';
import { z } from 'zod';
import { closest } from 'fastest-levenshtein';
import { UserInputError, type SourceLocation, formatLocation } from '../errors/omni-error.js';
import type { ParamChange, Params, ParamSetResult, ParamSourceKind, ParamValueSource } from './params.js';
import { flattenParams, isPlainObject, readParam, withParam } from './param-names.js';
import { describeSchema, type ParamDescription } from './param-schema.js';

/** Raised when initial parameter values do not fit a plugin's schema; nothing starts. */
export class ParamValidationError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined, problems: readonly string[]) {
    super('OMNI_ERR_PARAM_INVALID', message, location, { details: { problems } });
  }
}

/** A layer of given values, keyed by dotted name. */
export type ParamLayer = ReadonlyMap<string, ParamValueSource>;

/** Validation hook the host wires to the plugin's `onParamChange`. */
export type ParamChangeValidator = (change: ParamChange) => Promise<ParamSetResult> | ParamSetResult;

/** One parameter as listed by a store. */
export interface ParamStoreEntry extends ParamDescription {
  readonly name: string;
  readonly value: unknown;
  readonly source: string;
}

const describeSource = (source: ParamValueSource | undefined): string => {
  if (!source) return 'default';
  return source.location ? `${source.kind}:${formatLocation(source.location)}` : source.kind;
};

/**
 * The parameters of one node: built from layered sources (defaults < param files < launch < CLI),
 * validated by the plugin's zod schema, then changed at run time through {@link set}.
 */
export class ParamStore<P extends Record<string, unknown>> implements Params<P> {
  private current: P;
  private raw: Record<string, unknown>;
  private readonly sources = new Map<string, ParamValueSource>();
  private readonly changeSubject = new Subject<ParamChange>();
  private validator: ParamChangeValidator | undefined;
  private readonly described: ReadonlyMap<string, ParamDescription>;

  /** Accepted changes, in order. */
  readonly changes: Observable<ParamChange> = this.changeSubject.asObservable();

  private constructor(
    readonly node: string,
    private readonly schema: z.ZodObject,
    raw: Record<string, unknown>,
    parsed: P,
    sources: Map<string, ParamValueSource>,
  ) {
    this.raw = raw;
    this.current = parsed;
    this.sources = sources;
    this.described = describeSchema(schema);
  }

  /**
   * Builds a store from layers given lowest precedence first. Unknown names from `launch` or `cli`
   * layers are errors (typos must not pass silently); unknown names from param files are returned
   * in `ignored`, since one file often configures many nodes.
   */
  static create<P extends Record<string, unknown>>(options: {
    node: string;
    schema: z.ZodObject | undefined;
    layers: readonly ParamLayer[];
  }): { store: ParamStore<P>; ignored: string[] } {
    const schema = options.schema ?? z.object({});
    const merged = new Map<string, ParamValueSource>();
    for (const layer of options.layers) for (const [name, source] of layer) merged.set(name, source);
    let raw: Record<string, unknown> = {};
    for (const [name, source] of merged) raw = withParam(raw, name, source.value);

    const result = schema.safeParse(raw);
    if (!result.success) {
      const located = result.error.issues.map((issue) => {
        const name = issue.path.map(String).join('.');
        const source = findSource(merged, name);
        return {
          source,
          text: `parameter '${name}' of node '${options.node}': ${issue.message} (${source?.kind ?? 'default'})`,
        };
      });
      const problems = located.map(({ source, text }) =>
        source?.location ? `${formatLocation(source.location)}: ${text}` : text,
      );
      const first = located[0];
      throw new ParamValidationError(
        located.length === 1 && first
          ? first.text
          : `${located.length} invalid parameters:\n  ${problems.join('\n  ')}`,
        first?.source?.location,
        problems,
      );
    }
    const parsed = result.data as P;
    const known = [...describeSchema(schema).keys()];
    const ignored: string[] = [];
    for (const [name, source] of merged) {
      if (readParam(parsed, name) !== undefined || isKnownPrefix(known, name)) continue;
      if (source.kind === 'file' || source.kind === 'default' || source.optional) {
        ignored.push(name);
        merged.delete(name);
        continue;
      }
      const suggestion = known.length > 0 ? closest(name, known) : undefined;
      throw new ParamValidationError(
        `node '${options.node}' has no parameter '${name}' (${source.kind})` +
          (suggestion ? `; did you mean '${suggestion}'?` : '') +
          (known.length > 0 ? ` Declared: ${known.join(', ')}` : ' It declares no parameters.'),
        source.location,
        [`unknown parameter '${name}'`],
      );
    }
    for (const name of ignored) raw = withoutParam(raw, name);
    return { store: new ParamStore<P>(options.node, schema, raw, parsed, merged), ignored };
  }

  get values(): Readonly<P> {
    return this.current;
  }

  get(name: string): unknown {
    return readParam(this.current, name);
  }

  /** Installs the plugin's change validator (the host does this). */
  setValidator(validator: ParamChangeValidator | undefined): void {
    this.validator = validator;
  }

  async set(name: string, value: unknown, kind: ParamSourceKind = 'runtime'): Promise<ParamSetResult> {
    const description = this.described.get(name);
    if (!description) {
      const known = [...this.described.keys()];
      const suggestion = known.length > 0 ? closest(name, known) : undefined;
      return reject(
        `node '${this.node}' has no parameter '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
      );
    }
    if (description.readOnly) return reject(`parameter '${name}' is read-only`);
    const candidateRaw = withParam(this.raw, name, value);
    const result = this.schema.safeParse(candidateRaw);
    if (!result.success) {
      return reject(result.error.issues.map((i) => `${i.path.map(String).join('.') || name}: ${i.message}`).join('; '));
    }
    const change: ParamChange = { name, oldValue: this.get(name), newValue: readParam(result.data, name) };
    if (this.validator) {
      const verdict = await this.validator(change);
      if (!verdict.successful) return verdict;
    }
    this.raw = candidateRaw;
    this.current = result.data as P;
    this.sources.set(name, { kind, value });
    this.changeSubject.next(change);
    return { successful: true, reason: '' };
  }

  /** Every declared parameter with its value, type and origin, sorted by name. */
  entries(): ParamStoreEntry[] {
    return [...this.described.entries()]
      .map(([name, description]) => ({
        ...description,
        name,
        value: this.get(name),
        source: describeSource(findSource(this.sources, name)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Current values, flattened to dotted names. */
  flat(): Record<string, unknown> {
    return flattenParams(this.current);
  }

  /** Stops the change stream (the node is finalized). */
  close(): void {
    this.changeSubject.complete();
  }
}

function reject(reason: string): ParamSetResult {
  return { successful: false, reason };
}

function findSource(sources: ReadonlyMap<string, ParamValueSource>, name: string): ParamValueSource | undefined {
  let probe = name;
  for (;;) {
    const found = sources.get(probe);
    if (found) return found;
    const dot = probe.lastIndexOf('.');
    if (dot < 0) break;
    probe = probe.slice(0, dot);
  }
  for (const [key, source] of sources) if (key.startsWith(`${name}.`)) return source;
  return undefined;
}

function isKnownPrefix(known: readonly string[], name: string): boolean {
  return known.some((k) => k === name || k.startsWith(`${name}.`) || name.startsWith(`${k}.`));
}

function withoutParam(target: Record<string, unknown>, name: string): Record<string, unknown> {
  const [head, ...rest] = name.split('.');
  const key = head ?? name;
  if (!(key in target)) return target;
  const copy = { ...target };
  if (rest.length === 0 || !isPlainObject(copy[key])) delete copy[key];
  else copy[key] = withoutParam(copy[key] as Record<string, unknown>, rest.join('.'));
  return copy;
}
