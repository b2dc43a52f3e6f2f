// @vitest-environment jsdom
/** The SVG export marks objects recovered from a broken file as the canvas does: dotted outline, "recovered" pill. */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import { DEFAULT_VIEW } from '../graph/view';
import { PLACEHOLDER_STYLE, RECOVERED_STYLE } from '../theme/theme';
import { exportSvg } from './index';

interface XmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): XmlElement | null;
  querySelectorAll(selector: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}
const { DOMParser } = globalThis as unknown as {
  DOMParser: new () => { parseFromString(text: string, type: string): XmlElement };
};

function parse(svg: string): XmlElement {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`SVG is not well-formed XML: ${error.textContent}`);
  return doc;
}

const nodeOf = (doc: XmlElement, shortId: string) =>
  [...doc.querySelectorAll('g[data-kind="task"]')].find((g) => g.getAttribute('data-id')?.endsWith(shortId))!;
const dashes = (g: XmlElement) => [...g.querySelectorAll('rect')].map((r) => r.getAttribute('stroke-dasharray'));
const texts = (g: XmlElement) => [...g.getElementsByTagName('text')].map((t) => t.textContent);

describe('SVG export of recovered objects', () => {
  it('a recovered task is dotted and carries the pill; its placeholder neighbours stay dashed', () => {
    const topology = ingest([loadFixture('recovery', 'describe-tasks-missing-comma.json')]);
    const doc = parse(exportSvg(topology, DEFAULT_VIEW).svg);
    const task = nodeOf(doc, '74de0355a10a4f979ac495c14EXAMPLE');
    expect(dashes(task)).toContain(RECOVERED_STYLE.dash);
    expect(dashes(task)).not.toContain(PLACEHOLDER_STYLE.dash);
    expect(texts(task)).toContain('recovered');
  });

  it('the same task from a valid file has neither', () => {
    const doc = parse(
      exportSvg(ingest([loadFixture('samples', 'awscli-describe-tasks-2-fargate.json')]), DEFAULT_VIEW).svg,
    );
    const task = nodeOf(doc, '74de0355a10a4f979ac495c14EXAMPLE');
    expect(dashes(task)).not.toContain(RECOVERED_STYLE.dash);
    expect(texts(task)).not.toContain('recovered');
  });
});
