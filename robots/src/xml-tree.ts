import { UserInputError, type SourceLocation } from '@omnimind/core';
import { SaxesParser } from 'saxes';

/** An attribute value and where the value starts in the file. */
export interface XmlAttribute {
  readonly value: string;
  readonly location: SourceLocation;
}

/** An XML element with the place of its `<` and of each attribute value; text and comments are dropped. */
export interface XmlElement {
  readonly name: string;
  readonly location: SourceLocation;
  readonly attributes: ReadonlyMap<string, XmlAttribute>;
  readonly children: readonly XmlElement[];
}

interface MutableElement extends XmlElement {
  readonly children: XmlElement[];
}

/** Attribute syntax inside a start tag that the XML parser has already accepted. */
const ATTRIBUTE = /([^\s=/<>]+)\s*=\s*(["'])/g;

/** Maps character offsets to 1-based lines and columns (a line ends at `\n`, `\r\n` or a lone `\r`). */
function lineIndex(text: string, file: string): (offset: number) => SourceLocation {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { file, line: low + 1, col: offset - (starts[low] as number) + 1 };
  };
}

/**
 * Parses an XML document into its element tree, with `file:line:col` for every element and
 * attribute value. Malformed XML raises `UserInputError(code)` where the parser stopped.
 * Internal DTD entities are not expanded (an undefined entity is an error), so a file cannot pull
 * in other files or expand without bound.
 */
export function parseXmlTree(text: string, file: string, code: string): XmlElement {
  const at = lineIndex(text, file);
  const parser = new SaxesParser({ position: true });
  const stack: MutableElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw new UserInputError(code, `malformed XML: ${message}`, {
      file,
      line: parser.line,
      col: Math.max(1, parser.column),
    });
  });
  parser.on('opentag', (tag) => {
    // The parser is just past the tag's '>', and '<' cannot occur inside a tag, so the last '<' starts it.
    const start = text.lastIndexOf('<', parser.position - 1);
    const tagText = text.slice(start, parser.position);
    const attributes = new Map<string, XmlAttribute>();
    const pattern = new RegExp(ATTRIBUTE);
    for (let match = pattern.exec(tagText); match; match = pattern.exec(tagText)) {
      const name = match[1] as string;
      const valueStart = match.index + match[0].length;
      const value = (tag.attributes as Record<string, string>)[name];
      if (value !== undefined) attributes.set(name, { value, location: at(start + valueStart) });
      // Skip the value, which may hold text that looks like another attribute.
      const valueEnd = tagText.indexOf(match[2] as string, valueStart);
      if (valueEnd < 0) break;
      pattern.lastIndex = valueEnd + 1;
    }
    const element: MutableElement = { name: tag.name, location: at(start), attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  // The parser reports a document without a root element, so `root` is set here.
  return root as XmlElement;
}
