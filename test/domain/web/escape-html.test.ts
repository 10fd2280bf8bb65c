// User text in the HTML the web builds: escaped by the one helper, in every tooltip formatter, and no other path to
// innerHTML in the client's source, so a 产业链 or name typed as markup shows as text and never runs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipLines } from '../../../src/web/lib/escape-html.ts';
import { chainTooltip } from '../../../src/web/lib/chart-tooltips.ts';
import * as tooltips from '../../../src/web/lib/chart-tooltips.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

/** What a browser would build from the string: the elements it would create, found without a DOM. */
const tags = (html: string) => [...html.matchAll(/<([a-z]+)/gi)].map((m) => m[1]!.toLowerCase());

describe('escapeHtml', () => {
  it.each([
    [PAYLOAD, ESCAPED],
    ['"><script>alert(1)</script>', '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ["a' onmouseover='x", 'a&#39; onmouseover=&#39;x'],
    ['新能源 & 新材料', '新能源 &amp; 新材料'],
    ['&lt;', '&amp;lt;'],
    ['装备制造', '装备制造'],
    [12.5, '12.5'],
    [null, ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('joins tooltip lines with the only markup being its own line breaks', () => {
    expect(tooltipLines(PAYLOAD, '总投资 1.2亿元')).toBe(`${ESCAPED}<br/>总投资 1.2亿元`);
    expect(tags(tooltipLines(PAYLOAD, '<b>x</b>'))).toEqual(['br']);
  });
});

describe('the tooltip formatters', () => {
  it('the dashboard chain pie shows a chain named as markup as its characters, in Chinese and in English', () => {
    const point = { name: PAYLOAD, value: 3.5, percent: 41.2, data: { count: 7 } };
    const zh = chainTooltip(point, { total: '总投资', count: '项目数', yiUnit: '亿元', zh: true });
    expect(zh).toBe(`${ESCAPED}<br/>总投资 3.5亿元（41.2%）<br/>项目数 7`);
    const en = chainTooltip(point, { total: 'Total investment', count: 'Projects', yiUnit: ' ×100M yuan', zh: false });
    expect(en).toBe(`${ESCAPED}<br/>Total investment 3.5 ×100M yuan (41.2%)<br/>Projects 7`);
    for (const html of [zh, en]) expect(tags(html)).toEqual(['br', 'br']);
  });
});

// The class, not the instance: a new formatter that builds HTML by hand, or a new innerHTML, fails here.
describe('the web client source', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const sources = ['src/web', 'src/domain/charts'].flatMap(files).map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
  const helpers = Object.keys(tooltips).filter((name) => typeof (tooltips as Record<string, unknown>)[name] === 'function');

  it('reaches no HTML sink but through React’s own escaping', () => {
    expect(sources.length).toBeGreaterThan(50);
    for (const { file, text } of sources) expect(text, file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('gives every ECharts tooltip formatter function through a helper of chart-tooltips.ts', () => {
    let seen = 0;
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/tooltip:\s*\{/g)) {
        // The tooltip's own object, to its matching brace.
        let depth = 0;
        let end = m.index + m[0].length - 1;
        for (; end < text.length; end++) {
          if (text[end] === '{') depth++;
          else if (text[end] === '}' && --depth === 0) break;
        }
        const block = text.slice(m.index, end + 1);
        const formatter = /(?<![A-Za-z])formatter\s*:\s*([^,\n]+)/.exec(block);
        if (!formatter) continue;
        seen++;
        const uses = helpers.some((name) => block.includes(`${name}(`));
        expect(uses, `${file}: ${formatter[0]}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
