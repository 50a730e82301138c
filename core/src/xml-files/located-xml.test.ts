import { describe, expect, it } from 'vitest';
import { UserInputError } from '../errors/omni-error.js';
import { parseLocatedXml } from './located-xml.js';

const parseXmlTree = (text: string, file: string, code: string) =>
  parseLocatedXml(text, file, (message, location) => new UserInputError(code, message, location));

describe('located XML tree', () => {
  it('places elements at their < and attributes at their value, across lines', () => {
    const root = parseXmlTree('<a>\n  <b x="1"\n     y = \'2\'/>\n  <!-- <c/> -->\n  <c>text</c>\n</a>', 'f.xml', 'E');
    expect(root.name).toBe('a');
    expect(root.location).toEqual({ file: 'f.xml', line: 1, col: 1 });
    const [b, c] = root.children;
    expect(b?.location).toEqual({ file: 'f.xml', line: 2, col: 3 });
    expect(b?.attributes.get('x')).toEqual({ value: '1', location: { file: 'f.xml', line: 2, col: 9 } });
    expect(b?.attributes.get('y')).toEqual({ value: '2', location: { file: 'f.xml', line: 3, col: 11 } });
    expect(c?.name).toBe('c');
    expect(c?.location.line).toBe(5);
  });

  it('counts CRLF and CR line ends as one line each', () => {
    const root = parseXmlTree('<a>\r\n<b/>\r<c k="v"/></a>', 'f.xml', 'E');
    expect(root.children.map((child) => child.location.line)).toEqual([2, 3]);
    expect(root.children[1]?.attributes.get('k')?.location).toEqual({ file: 'f.xml', line: 3, col: 7 });
  });

  it('is not fooled by attribute-like text inside a value', () => {
    const root = parseXmlTree(`<a t='k="x"' k="real"/>`, 'f.xml', 'E');
    expect(root.attributes.get('k')).toEqual({ value: 'real', location: { file: 'f.xml', line: 1, col: 17 } });
    expect(root.attributes.get('t')?.value).toBe('k="x"');
  });

  it('decodes entities in values', () => {
    expect(parseXmlTree('<a v="&lt;&amp;&#65;"/>', 'f.xml', 'E').attributes.get('v')?.value).toBe('<&A');
  });

  it('raises the given code with the place for malformed XML, and never expands DTD entities', () => {
    expect(() => parseXmlTree('<a>\n<b></a>', 'f.xml', 'E_XML')).toThrow(
      expect.objectContaining({ code: 'E_XML', message: 'f.xml:2:7: malformed XML: unexpected close tag' }),
    );
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "eeeeeeeeee">]>\n<a v="&e;"/>';
    expect(() => parseXmlTree(bomb, 'f.xml', 'E_XML')).toThrow(expect.objectContaining({ code: 'E_XML' }));
  });
});
