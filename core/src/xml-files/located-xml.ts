import { SaxesParser } from 'saxes';
import type { SourceLocation } from '../errors/omni-error.js';

/** An attribute value and where the value starts. */
export interface XmlAttribute {
  readonly value: string;
  readonly location: SourceLocation;
}

/** An element with the place of its `<` and of each attribute value (text and comments dropped). */
export interface XmlElement {
  readonly name: string;
  readonly location: SourceLocation;
  /** Attributes in document order. */
  readonly attributes: ReadonlyMap<string, XmlAttribute>;
  readonly children: readonly XmlElement[];
}

interface MutableElement extends XmlElement {
  readonly attributes: Map<string, XmlAttribute>;
  readonly children: XmlElement[];
}

/** Maps code-unit offsets to 1-based lines and columns (lines end at `\n`, `\r\n` or a lone `\r`). */
function lineIndex(text: string, file: string): (offset: number) => SourceLocation {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
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

/** Builds the error for a problem in an XML file (a `UserInputError` with the caller's code). */
export type XmlErrorFactory = (message: string, location: SourceLocation) => Error;

/**
 * Parses XML text into elements that know their `file:line:col` (of each element's `<` and of each
 * attribute value); text and comments are dropped. Malformed XML raises `makeError` where the parser
 * stopped. A DOCTYPE is refused and entities other than the five predefined ones (and character
 * references) are errors, so a file cannot pull in other files or expand without bound.
 */
export function parseLocatedXml(text: string, file: string, makeError: XmlErrorFactory): XmlElement {
  const at = lineIndex(text, file);
  const parser = new SaxesParser({ position: true });
  const stack: MutableElement[] = [];
  let root: XmlElement | undefined;
  let pending = new Map<string, XmlAttribute>();
  let tagStart = 0;
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw makeError(`malformed XML: ${message}`, { file, line: parser.line, col: Math.max(1, parser.column) });
  });
  parser.on('doctype', () => {
    throw makeError('malformed XML: a DOCTYPE is not allowed', {
      file,
      line: parser.line,
      col: Math.max(1, parser.column),
    });
  });
  parser.on('opentagstart', () => {
    tagStart = Math.max(0, text.lastIndexOf('<', parser.position - 1));
    pending = new Map();
  });
  parser.on('attribute', (attribute) => {
    // The parser stands just past the closing quote; the value starts after the matching opening one.
    const end = parser.position - 1;
    const quote = text[end] === "'" ? "'" : '"';
    const start = text.lastIndexOf(quote, end - 1) + 1;
    pending.set(attribute.name, { value: attribute.value, location: at(start) });
  });
  parser.on('opentag', (tag) => {
    const element: MutableElement = { name: tag.name, location: at(tagStart), attributes: pending, children: [] };
    pending = new Map();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  if (!root) {
    throw makeError('malformed XML: no root element', { file, line: 1, col: 1 });
  }
  return root;
}
