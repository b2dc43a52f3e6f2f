/**
 * The strict XML check every exported SVG goes through in the tests: saxes,
 * a conforming XML 1.0 parser (what jsdom's DOMParser runs on), with
 * namespaces on. It reports what resvg and browsers refuse — an attribute
 * twice, an undefined entity, a character XML forbids, a tag left open —
 * with line and column, so a failing test names the spot.
 */
import { SaxesParser } from 'saxes';

/** An element of a parsed SVG: enough to find nodes, text and titles without a DOM. */
export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  children: SvgElement[];
  /** Text directly inside this element and its descendants, in order. */
  text: string;
  parent?: SvgElement;
}

/** Parses `svg` strictly; throws with every well-formedness error (line:column: message) and the text around the first. */
export function parseSvgStrict(svg: string): SvgElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const errors: string[] = [];
  parser.on('error', (e) => errors.push(e.message));
  const root: SvgElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: SvgElement[] = [root];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes))
      attributes[k] = typeof a === 'string' ? a : (a as { value: string }).value;
    const el: SvgElement = { name: tag.name, attributes, children: [], text: '', parent: stack[stack.length - 1] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    for (const el of stack) el.text += t;
  });
  parser.write(svg).close();
  if (errors.length > 0) {
    const m = /^(\d+):(\d+)/.exec(errors[0]);
    const line = m ? (svg.split('\n')[Number(m[1]) - 1] ?? '') : '';
    const col = m ? Number(m[2]) : 0;
    throw new Error(
      `SVG is not well-formed XML (${errors.length} error(s)): ${errors.slice(0, 5).join('; ')}\n  near: ${JSON.stringify(line.slice(Math.max(0, col - 120), col + 40))}`,
    );
  }
  const svgRoot = root.children[0];
  if (!svgRoot || svgRoot.name !== 'svg' || svgRoot.attributes.xmlns !== 'http://www.w3.org/2000/svg')
    throw new Error(`root element is <${svgRoot?.name}> without the SVG namespace, not <svg xmlns=…>`);
  return svgRoot;
}

/** Every element under `el` (itself included) that `test` accepts, in document order. */
export function findAll(el: SvgElement, test: (e: SvgElement) => boolean): SvgElement[] {
  const out: SvgElement[] = [];
  const walk = (e: SvgElement): void => {
    if (test(e)) out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(el);
  return out;
}
