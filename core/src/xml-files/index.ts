export { parseLocatedXml } from './located-xml.js';
export type { XmlAttribute, XmlElement, XmlErrorFactory } from './located-xml.js';
