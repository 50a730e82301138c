import { parse } from '@foxglove/rosmsg';
import { closest, distance } from 'fastest-levenshtein';
import type { SourceLocation } from '../errors/omni-error.js';
import { describeCause, MessageDefinitionError } from './message-errors.js';
import { isPrimitiveTypeName, PRIMITIVE_TYPE_NAMES } from './message-definition.js';
import type { MessageConstant, MessageDefinition, MessageField, PrimitiveValue } from './message-definition.js';
import { utf8Length } from './primitive-types.js';
import { parseTypeName, qualifyReference, shortTypeName } from './type-names.js';

type ParsedField = ReturnType<typeof parse>[number]['definitions'][number];

/** Where a definition text sits: the file it came from and the line its first line has there. */
export interface DefinitionOrigin {
  /** File path or description used in `file:line:col` locations. */
  readonly file: string;
  /** 1-based line number, in `file`, of the text's first line. */
  readonly firstLine: number;
}

/** A parsed message section plus what the registry needs to report and export it. */
export interface ParsedMessage {
  /** The public definition. */
  readonly definition: MessageDefinition;
  /** Location of each field's type token, parallel to `definition.fields`. */
  readonly fieldLocations: readonly SourceLocation[];
  /** The text with every type reference fully qualified (`pkg/Type`), as schema consumers want it. */
  readonly schemaText: string;
}

interface DefinitionLine {
  readonly lineIndex: number;
  readonly raw: string;
  readonly typeStart: number;
  readonly typeToken: string;
}

// Type keywords that are never package-qualified in `.msg` text.
const KEYWORD_TYPES: ReadonlySet<string> = new Set(
  'bool byte char float32 float64 int8 uint8 int16 uint16 int32 uint32 int64 uint64 string wstring time duration'.split(
    ' ',
  ),
);

const TIME_TYPES: Readonly<Record<string, string>> = {
  time: 'builtin_interfaces/msg/Time',
  duration: 'builtin_interfaces/msg/Duration',
};

/**
 * Parses the text of one message (a `.msg` file, or one section of a `.srv`/`.action`) with the
 * ROS 2 grammar of `@foxglove/rosmsg`, qualifying type references relative to the type's package.
 *
 * @param type canonical name of the type being defined, `pkg/kind/Name`
 * @throws MessageDefinitionError with the `file:line:col` of the offending line
 */
export function parseMessageDefinition(type: string, text: string, origin: DefinitionOrigin): ParsedMessage {
  const parts = parseTypeName(type);
  if (!parts || parts.kind === undefined) {
    throw new MessageDefinitionError(`'${type}' is not a canonical ROS 2 type name (pkg/msg/Type)`);
  }
  const pkg = parts.pkg;
  const lines = text.split('\n');
  const locate = (lineIndex: number, col: number): SourceLocation => ({
    file: origin.file,
    line: origin.firstLine + lineIndex,
    col,
  });
  const definitionLines = collectDefinitionLines(lines, locate);

  let parsedFields: ParsedField[];
  try {
    const parsed = parse(text, { ros2: true, skipTypeFixup: true });
    parsedFields = parsed[0]?.definitions ?? [];
  } catch (error) {
    throw locateParseError(definitionLines, locate, error);
  }
  if (parsedFields.length !== definitionLines.length) {
    throw new MessageDefinitionError(`internal parser mismatch in ${type}`, locate(0, 1));
  }

  const fields: MessageField[] = [];
  const constants: MessageConstant[] = [];
  const fieldLocations: SourceLocation[] = [];
  const seen = new Set<string>();
  parsedFields.forEach((parsed, index) => {
    const line = definitionLines[index] as DefinitionLine;
    const where = locate(line.lineIndex, line.typeStart + 1);
    if (seen.has(parsed.name)) {
      throw new MessageDefinitionError(`'${parsed.name}' is declared twice in ${type}`, where);
    }
    seen.add(parsed.name);
    if (parsed.isConstant === true) {
      constants.push(toConstant(parsed, where));
    } else {
      fields.push(toField(parsed, pkg, line, where));
      fieldLocations.push(where);
    }
  });

  return {
    definition: { type, package: pkg, name: parts.name, fields, constants, text, source: origin.file },
    fieldLocations,
    schemaText: qualifySchemaText(lines, definitionLines, pkg),
  };
}

function collectDefinitionLines(
  lines: readonly string[],
  locate: (lineIndex: number, col: number) => SourceLocation,
): DefinitionLine[] {
  const result: DefinitionLine[] = [];
  lines.forEach((raw, lineIndex) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const typeStart = raw.length - raw.trimStart().length;
    if (trimmed.startsWith('==') || trimmed.startsWith('MSG:') || trimmed === '---') {
      throw new MessageDefinitionError(
        `unexpected separator '${trimmed.slice(0, 20)}': a message definition holds exactly one type`,
        locate(lineIndex, typeStart + 1),
      );
    }
    const typeToken = /^\S+/.exec(trimmed)?.[0] ?? '';
    result.push({ lineIndex, raw, typeStart, typeToken });
  });
  return result;
}

function locateParseError(
  definitionLines: readonly DefinitionLine[],
  locate: (lineIndex: number, col: number) => SourceLocation,
  error: unknown,
): MessageDefinitionError {
  for (const line of definitionLines) {
    try {
      parse(line.raw.trim(), { ros2: true, skipTypeFixup: true });
    } catch (lineError) {
      return new MessageDefinitionError(
        `${describeCause(lineError)}; expected 'type name', 'type name default' or 'TYPE NAME=value'`,
        locate(line.lineIndex, line.typeStart + 1),
        { cause: lineError },
      );
    }
  }
  return new MessageDefinitionError(describeCause(error), locate(definitionLines[0]?.lineIndex ?? 0, 1), {
    cause: error,
  });
}

function toConstant(parsed: ParsedField, where: SourceLocation): MessageConstant {
  if (!isPrimitiveTypeName(parsed.type) || parsed.isArray === true || parsed.value === undefined) {
    throw new MessageDefinitionError(
      `constant '${parsed.name}' must have a primitive, non-array type (found '${parsed.type}')`,
      where,
    );
  }
  return { name: parsed.name, type: parsed.type, value: parsed.value, valueText: parsed.valueText ?? '' };
}

function toField(parsed: ParsedField, pkg: string, line: DefinitionLine, where: SourceLocation): MessageField {
  let type = parsed.type;
  let isComplex = parsed.isComplex === true;
  const timeType = TIME_TYPES[type];
  if (timeType !== undefined) {
    type = timeType;
    isComplex = true;
  } else if (isComplex) {
    type = qualifyReference(type, pkg);
    if (parseTypeName(type) === undefined) {
      const primitive = closest(parsed.type, [...PRIMITIVE_TYPE_NAMES]);
      const hint = distance(parsed.type, primitive) <= 2 ? `; did you mean '${primitive}'?` : '';
      throw new MessageDefinitionError(
        `'${line.typeToken}' is neither a primitive type nor a message type (pkg/Type or Type)${hint}`,
        where,
      );
    }
  } else if (!isPrimitiveTypeName(type)) {
    throw new MessageDefinitionError(`unsupported field type '${parsed.type}'`, where);
  }
  const field: {
    -readonly [K in keyof MessageField]: MessageField[K];
  } = { name: parsed.name, type, isComplex, isArray: parsed.isArray === true };
  if (parsed.arrayLength !== undefined) field.arrayLength = parsed.arrayLength;
  if (parsed.arrayUpperBound !== undefined) field.arrayUpperBound = parsed.arrayUpperBound;
  if (parsed.upperBound !== undefined) field.stringUpperBound = parsed.upperBound;
  if (parsed.defaultValue !== undefined) {
    field.defaultValue = parsed.defaultValue as PrimitiveValue | PrimitiveValue[];
    checkDefault(field, where);
  }
  return field;
}

function checkDefault(field: MessageField, where: SourceLocation): void {
  const value = field.defaultValue;
  if (Array.isArray(value)) {
    if (field.arrayLength !== undefined && value.length !== field.arrayLength) {
      throw new MessageDefinitionError(
        `default of '${field.name}' has ${value.length} elements; the array holds exactly ${field.arrayLength}`,
        where,
      );
    }
    if (field.arrayUpperBound !== undefined && value.length > field.arrayUpperBound) {
      throw new MessageDefinitionError(
        `default of '${field.name}' has ${value.length} elements; the array holds at most ${field.arrayUpperBound}`,
        where,
      );
    }
  }
  const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  if (field.stringUpperBound !== undefined && strings.some((s) => utf8Length(s) > (field.stringUpperBound ?? 0))) {
    throw new MessageDefinitionError(
      `default of '${field.name}' is longer than the bound of ${field.stringUpperBound} bytes`,
      where,
    );
  }
}

function qualifySchemaText(lines: readonly string[], definitionLines: readonly DefinitionLine[], pkg: string): string {
  const out = [...lines];
  for (const line of definitionLines) {
    const base = /^[A-Za-z0-9_/]+/.exec(line.typeToken)?.[0] ?? '';
    let qualified: string;
    if (KEYWORD_TYPES.has(base)) continue;
    if (base === 'builtin_interfaces/msg/Time' || base === 'builtin_interfaces/msg/Duration') {
      qualified = shortTypeName(base);
    } else {
      qualified = shortTypeName(qualifyReference(base, pkg));
    }
    if (qualified === base) continue;
    const raw = line.raw;
    out[line.lineIndex] = raw.slice(0, line.typeStart) + qualified + raw.slice(line.typeStart + base.length);
  }
  return out.join('\n');
}
