/**
 * A small, strict XML reader for the CAP tests (no parser is among the
 * project's packages): elements, attributes, text and the five predefined
 * entities plus numeric references. It throws on what a conforming parser
 * rejects in the messages we write: unbalanced or misnested tags, a raw `<`
 * or `&` in text, an unknown entity, content after the root element.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/<|&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/iu.test(raw))
    throw new Error(`bad character data: ${raw}`);
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`unknown entity &${ref};`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  const body = source.replace(/^<\?xml[^?]*\?>\s*/u, '');
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/gu;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const text = body.slice(position, match.index);
    const current = stack.at(-1);
    if (current) current.text += decode(text);
    else if (text.trim() !== '') throw new Error('text outside the root element');
    position = tag.lastIndex;
    const [, closing, name = '', attributeText = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    if (root && stack.length === 0) throw new Error('a second root element');
    const attributes: Record<string, string> = {};
    for (const [, key = '', value = ''] of attributeText.matchAll(/([\w:.-]+)="([^"]*)"/gu)) {
      attributes[key] = decode(value);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (stack.at(-1)) stack.at(-1)?.children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0 || !root) throw new Error('unclosed elements');
  if (body.slice(position).trim() !== '') throw new Error('content after the root element');
  return root;
}

export const childNames = (element: XmlElement) => element.children.map((child) => child.name);

export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text;
}
