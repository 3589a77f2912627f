import { SaxesParser } from 'saxes';
import { InputError } from '../extract/decode';

/** A parsed XML element: qualified name as written (`w:p`), attributes, children in order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/**
 * Parse one XML part of an Office file into a small tree. A document type declaration is refused
 * outright: OOXML parts never have one, and its entities (external or billion-laughs) are the
 * attack, so nothing in a DOCTYPE is ever expanded or fetched.
 */
export function parseXml(xml: string, part: string): XmlElement {
  refuseDoctype(xml, part);
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack[stack.length - 1]!.children.push(t));
  parser.on('cdata', (t) => void stack[stack.length - 1]!.children.push(t));
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new InputError(`the file is corrupt: its part ${part} is not well-formed XML (${(err as Error).message.split('\n')[0]})`);
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new InputError(`the file is corrupt: its part ${part} is empty`);
  return top;
}

export function refuseDoctype(xml: string, part: string): void {
  // Anywhere in the part: a DOCTYPE after a long comment is still a DOCTYPE.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new InputError(`the file's part ${part} declares a DOCTYPE or XML entities, which Office files never do; refused for safety (XML external entities are never read)`);
  }
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Follow a path of child names: `path(p, 'w:pPr', 'w:numPr', 'w:numId')`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el?.attrs[name];
}
