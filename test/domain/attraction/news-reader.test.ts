// The news reader on seed 003 (ten items, kept beside this file with the candidates labelled by hand): precision and
// recall of the candidates, and the region, event and amount of each found against the article. The README quotes
// these figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNewsItems, readNews, sameProject, type NewsCandidate } from '../../../src/domain/attraction/news-reader.ts';
import { placesUnder } from '../../../src/io/news-file.ts';

const items = parseNewsItems(readFileSync(new URL('./fixtures/seed-003-news.txt', import.meta.url), 'utf8'));
const labelled = (JSON.parse(readFileSync(new URL('./fixtures/seed-003-expected.json', import.meta.url), 'utf8')) as { candidates: Expected[] }).candidates;

interface Expected {
  item: number;
  project: string;
  region: string;
  event: string;
  amount: number | null;
  enterprise: string | null;
}

/** Pairs each proposal with an unused label of its item naming the same project. */
function score(found: readonly NewsCandidate[]) {
  const used = new Set<number>();
  const pairs: [NewsCandidate, Expected][] = [];
  for (const c of found) {
    const i = labelled.findIndex((e, k) => !used.has(k) && e.item === c.item && sameProject(e.project, c.project));
    if (i < 0) continue;
    used.add(i);
    pairs.push([c, labelled[i]!]);
  }
  return { pairs, precision: pairs.length / found.length, recall: pairs.length / labelled.length, missed: labelled.filter((_, k) => !used.has(k)).map((e) => e.project) };
}

describe('parseNewsItems', () => {
  it('reads seed 003’s ten items: title, date, text, and leaves the page furniture after the last date', () => {
    expect(items).toHaveLength(10);
    expect(items[2]!.title).toBe('【忻州招商】忻州市:山西建投建工集团公司10万千瓦光伏电站项目正式开工建设');
    expect(items.every((i) => i.date === '2025-07-09')).toBe(true);
    expect(items[9]!.text).not.toContain('点我投稿');
  });

  it('takes a file without separators as one item', () => {
    expect(parseNewsItems('某县签约项目\n2023年6月30日\n某某公司年产10万吨项目正式签约。')).toEqual([{ title: '某县签约项目', date: '2023-06-30', text: '某某公司年产10万吨项目正式签约。' }]);
  });
});

describe('readNews on seed 003 (places of 山西省)', () => {
  const found = readNews(items, placesUnder('140000'));
  const s = score(found);

  it('proposes the labelled candidates with precision 1 and recall 27/28 (the second of two projects named in one phrase is missed)', () => {
    expect(labelled).toHaveLength(28);
    expect(s.precision).toBe(1);
    expect(s.pairs).toHaveLength(27);
    expect(s.missed).toEqual(['泓晨万聚自洁式透水砖项目']);
  });

  it('gives each candidate the region, event and amount of its article', () => {
    const wrong = s.pairs.filter(([c, e]) => c.region !== e.region || c.event !== e.event || c.amount !== e.amount).map(([c]) => c.project);
    expect(wrong).toEqual([]);
    const d = found.find((c) => c.project.includes('3D增材打印'))!;
    expect([d.amount, d.amountText, d.regionName]).toEqual([200_000_000, '2亿元', '武乡县']);
  });

  it('names the enterprise of 26 of the 27 (兴源钙业 is in the clause before)', () => {
    const wrong = s.pairs.filter(([c, e]) => c.enterprise !== e.enterprise).map(([, e]) => e.enterprise);
    expect(wrong).toEqual(['兴源钙业']);
  });

  it('reads the same with the whole country’s places', () => {
    const national = score(readNews(items, placesUnder(null)));
    expect([national.pairs.length, national.precision]).toEqual([27, 1]);
    expect(national.pairs.filter(([c, e]) => c.region !== e.region)).toEqual([]);
  });
});
