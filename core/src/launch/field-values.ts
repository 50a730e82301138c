import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { SourceLocation } from '../errors/omni-error.js';
import type { ParamScalar, ParamValue } from '../params/param-file-types.js';
import type { ActionBase, Field } from './launch-ast.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
import type { LaunchScope, LaunchState } from './launch-scope.js';
import { resolveSubstitutions } from './substitution-resolver.js';
import { hasSubstitution } from './substitution-parser.js';
import { coerceSubstitutedText, parseBooleanText } from './typed-value.js';
import type { ResolvedNode } from './yaml-document.js';

/**
 * Reads the values of an action's fields in a scope: substitutes `$(...)`, then checks and converts
 * the result to the type the field needs, throwing {@link LaunchFileError} at the field's place.
 */
export class FieldReader {
  constructor(
    private readonly scope: LaunchScope,
    private readonly state: LaunchState,
  ) {}

  /** The text of a scalar node with substitutions resolved; `1.50` stays `1.50`. */
  scalarText(node: Scalar): string {
    const source = this.scope.file.source;
    if (typeof node.value !== 'string') return source.scalarText(node);
    if (!hasSubstitution(node.value)) return node.value;
    return resolveSubstitutions(node.value, this.state.substitutionContext(this.scope), (offset) =>
      source.locationInScalar(node, offset),
    );
  }

  /** A text field (`name`, `pkg`, `file`, ...). */
  text(field: Field): string {
    return this.scalarText(field.value as Scalar);
  }

  /** A text field that must not be empty once substituted. */
  nonEmptyText(field: Field, what: string): string {
    const text = this.text(field);
    if (text.trim() === '') {
      throw new LaunchFileError(LaunchErrorCode.MissingField, `'${field.key}' of ${what} is empty`, field.location);
    }
    return text;
  }

  /** A bool field: YAML true/false, or text true/false/1/0 in any letter case. */
  bool(field: Field, what: string, code: LaunchErrorCode = LaunchErrorCode.ValueType): boolean {
    const node = field.value as Scalar;
    if (typeof node.value === 'boolean') return node.value;
    const text = this.scalarText(node);
    const value = parseBooleanText(text);
    if (value === undefined) {
      throw new LaunchFileError(
        code,
        `'${field.key}' of ${what} must be true, false, 1 or 0, got '${text}'`,
        field.location,
      );
    }
    return value;
  }

  /** A number field, checked against a minimum and (optionally) required to be a whole number. */
  number(field: Field, what: string, limits: { min: number; integer: boolean }): number {
    const node = field.value as Scalar;
    const text = typeof node.value === 'number' ? '' : this.scalarText(node).trim();
    const value = typeof node.value === 'number' ? node.value : text === '' ? Number.NaN : Number(text);
    const kind = limits.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(value) || (limits.integer && !Number.isInteger(value)) || value < limits.min) {
      const shown = typeof node.value === 'number' ? this.scope.file.source.scalarText(node) : text;
      throw new LaunchFileError(
        LaunchErrorCode.ValueType,
        `'${field.key}' of ${what} must be ${kind} of at least ${limits.min}, got '${shown}'`,
        field.location,
      );
    }
    return value;
  }

  /** Whether an action runs: its `if` holds and its `unless` does not. */
  condition(action: ActionBase, what: string): boolean {
    if (action.if && !this.bool(action.if, what, LaunchErrorCode.Condition)) return false;
    if (action.unless && this.bool(action.unless, what, LaunchErrorCode.Condition)) return false;
    return true;
  }

  /**
   * A parameter value: scalars keep their YAML type, substituted text is typed the ROS 2 way, and a
   * list holds scalars only. Mappings are flattened by the caller.
   */
  paramValue(node: ResolvedNode, name: string, location: SourceLocation): ParamValue {
    if (isSeq(node)) {
      return node.items.map((raw) => {
        const item = this.scope.file.source.resolve(raw);
        const itemLocation = this.scope.file.source.location(item, location);
        if (!item || !isScalar(item) || item.value === null) {
          throw new LaunchFileError(
            LaunchErrorCode.ValueType,
            `items of parameter '${name}' must be bools, numbers or text, found ${item && !isScalar(item) ? (isMap(item) ? 'a mapping' : 'a list') : 'nothing'}`,
            itemLocation,
          );
        }
        const value = this.scalarParam(item);
        if (Array.isArray(value)) return this.scalarText(item);
        return value as ParamScalar;
      });
    }
    if (!isScalar(node) || node.value === null) {
      throw new LaunchFileError(LaunchErrorCode.ValueType, `parameter '${name}' has no value`, location);
    }
    return this.scalarParam(node);
  }

  private scalarParam(node: Scalar): ParamValue {
    const v = node.value;
    if (typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'string') return hasSubstitution(v) ? coerceSubstitutedText(this.scalarText(node)) : v;
    return this.scope.file.source.scalarText(node);
  }
}
