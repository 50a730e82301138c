/** The comments of a definition text, attached to what they describe. */
export interface DefinitionComments {
  /** Paragraphs before the first field that are not directly above it: they describe the type. */
  readonly type: readonly string[];
  /** Comment lines directly above a field or constant, plus its trailing comment, by member name. */
  readonly members: ReadonlyMap<string, readonly string[]>;
}

/**
 * Collects the comments of a `.msg` text the way its authors lay them out: a comment block
 * separated from the first definition by a blank line describes the type; a block directly
 * above a field (or a comment at the end of its line) describes that field.
 */
export function extractComments(text: string): DefinitionComments {
  const type: string[] = [];
  const members = new Map<string, string[]>();
  let pending: string[] = [];
  let seenDefinition = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (!seenDefinition && pending.length > 0) {
        if (type.length > 0) type.push('');
        type.push(...pending);
      }
      pending = [];
    } else if (line.startsWith('#')) {
      pending.push(stripCommentMarker(line));
    } else {
      const { name, trailing } = splitDefinitionLine(line);
      const docs = trailing === undefined ? pending : [...pending, trailing];
      members.set(name, trimBlank(docs));
      pending = [];
      seenDefinition = true;
    }
  }
  return { type: trimBlank(type), members };
}

function stripCommentMarker(line: string): string {
  const body = line.replace(/^#+/, '');
  return (body.startsWith(' ') ? body.slice(1) : body).trimEnd();
}

// The member name is the second token (before any `=`); a `#` inside a quoted constant is not a comment.
function splitDefinitionLine(line: string): { name: string; trailing: string | undefined } {
  const tokens = line.split(/\s+/);
  const name = (tokens[1] ?? '').split('=')[0] ?? '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      const trailing = stripCommentMarker(line.slice(i));
      return { name, trailing: trailing === '' ? undefined : trailing };
    }
  }
  return { name, trailing: undefined };
}

function trimBlank(lines: readonly string[]): string[] {
  const result = [...lines];
  while (result.length > 0 && result[0]?.trim() === '') result.shift();
  while (result.length > 0 && result[result.length - 1]?.trim() === '') result.pop();
  return result;
}
