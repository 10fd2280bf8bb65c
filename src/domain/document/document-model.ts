// A drafted document as data: blocks (headings, paragraphs, charts, tables) whose numbers are figures named by their
// source, so every number printed can be traced, kept live or frozen, and compared when the data move.

/** A number of the document: where it comes from, what it counts, its exact value and the text printed. */
export interface DocFigure {
  /** Stable key naming the service and the figure, e.g. "pool:140423:2021-06:all.completedYtd". */
  source: string;
  /** What the number counts, for the reader of the figures list ("项目库项目1-6月完成投资"). */
  label: string;
  /** The unrounded value: 元 for money, a fraction for rates and differences of rates, a count. */
  value: number;
  /** The number as printed, with its unit ("34.39亿元", "95.1%", "14.8个百分点"). */
  text: string;
}

/** A figure kept in an edition: live figures follow the data; a frozen one keeps its value and says why. */
export interface EditionFigure extends DocFigure {
  frozen: { note: string; on: string } | null;
}

/** A piece of a paragraph: words, or a figure by its source. */
export type Run = { text: string } | { figure: string };

export type BlockKind = 'heading1' | 'heading2' | 'body' | 'chart' | 'table';

/** A chart drawn from an ECharts option (built by domain/charts, the same the web shows). */
export interface ChartSpec {
  title: string;
  option: Record<string, unknown>;
  /** Size of the drawn image in CSS pixels; the document scales it to the type area. */
  width: number;
  height: number;
}

/** A table of the dispatch pack: a header row and rows of cells, numbers already as printed. */
export interface TableSpec {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Which columns are numbers (right-aligned). */
  numeric?: boolean[];
}

export interface Block {
  /** Stable within a draft: the builder's id and a position, so an edition's edits find their paragraph again. */
  id: string;
  kind: BlockKind;
  runs: Run[];
  /** Narrative the user may rewrite (drafted sentences too); headings and charts are not. */
  editable: boolean;
  chart?: ChartSpec;
  table?: TableSpec;
}

/** The head and foot of a document as GB/T 9704 lays them out. */
export interface DocumentHead {
  title: string;
  /** 发文字号, e.g. 襄发改字〔2021〕27号; empty for none. */
  docNumber: string;
  /** 主送机关, e.g. 县委办; empty for none. */
  recipient: string;
  /** The opening line after the recipient. */
  opening: string;
  signature: string;
  /** 成文日期 as printed: 2021年6月30日. */
  date: string;
}

export interface DocumentContent {
  head: DocumentHead;
  blocks: Block[];
  figures: EditionFigure[];
}

/** Builds one paragraph's runs, collecting its figures. */
export function paragraphWriter() {
  const runs: Run[] = [];
  const figures: DocFigure[] = [];
  return {
    say(text: string) {
      if (!text) return;
      const last = runs[runs.length - 1];
      if (last && 'text' in last) last.text += text;
      else runs.push({ text });
    },
    figure(f: DocFigure) {
      runs.push({ figure: f.source });
      figures.push(f);
    },
    get empty() {
      return runs.length === 0;
    },
    done(): { runs: Run[]; figures: DocFigure[] } {
      return { runs, figures };
    },
  };
}

export type ParagraphWriter = ReturnType<typeof paragraphWriter>;

/** The text of runs with each figure's printed text. */
export function runsText(runs: readonly Run[], figures: ReadonlyMap<string, DocFigure>): string {
  return runs.map((r) => ('text' in r ? r.text : (figures.get(r.figure)?.text ?? '□'))).join('');
}

/** The figures a document's blocks actually use, in order of first appearance. */
export function usedFigureSources(blocks: readonly Block[]): string[] {
  const seen = new Set<string>();
  for (const b of blocks) for (const r of b.runs) if ('figure' in r) seen.add(r.figure);
  return [...seen];
}

/** The placeholder an editor shows for the n-th figure of a document (1-based): {{3}}. */
export function placeholder(n: number): string {
  return `{{${n}}}`;
}

/** A paragraph as editable text, each figure a {{n}} placeholder numbered by its place in `order`. */
export function editableText(runs: readonly Run[], order: readonly string[]): string {
  return runs.map((r) => ('text' in r ? r.text : placeholder(order.indexOf(r.figure) + 1))).join('');
}

/**
 * Reads an edited paragraph back into runs: {{n}} is the n-th figure of `order`; everything else is words. Returns
 * the reason it refuses when a placeholder names no figure.
 */
export function parseEditableText(text: string, order: readonly string[]): { runs: Run[] } | { problem: string } {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) {
    const n = Number(m[1]);
    const source = order[n - 1];
    if (!source) return { problem: `{{${n}}} 不是本文稿中的数字（共 ${order.length} 个）` };
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ figure: source });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return { runs };
}

/** A number that moved between an edition and the data now. */
export interface MovedFigure {
  source: string;
  label: string;
  before: { text: string; value: number };
  /** Null when the data no longer have this figure (the edition keeps its last value, frozen). */
  after: { text: string; value: number } | null;
  /** Frozen figures keep their value in the document; the list still says the data moved. */
  frozen: boolean;
}

/**
 * Brings an edition's figures up to the data: live figures take the fresh value, frozen ones keep theirs, and one
 * that the data no longer give is frozen with a note. Returns the figures and what moved.
 */
export function refreshFigures(
  kept: readonly EditionFigure[],
  fresh: ReadonlyMap<string, DocFigure>,
  today: string,
): { figures: EditionFigure[]; moved: MovedFigure[] } {
  const figures: EditionFigure[] = [];
  const moved: MovedFigure[] = [];
  for (const f of kept) {
    const now = fresh.get(f.source);
    const changed = !now || now.value !== f.value || now.text !== f.text;
    if (changed) {
      moved.push({
        source: f.source,
        label: f.label,
        before: { text: f.text, value: f.value },
        after: now ? { text: now.text, value: now.value } : null,
        frozen: f.frozen !== null || !now,
      });
    }
    if (f.frozen) figures.push(f);
    else if (now) figures.push({ ...now, frozen: null });
    else figures.push({ ...f, frozen: { note: '数据中已无此数，保留原值', on: today } });
  }
  return { figures, moved };
}

/**
 * Live figures of a draft, none frozen, one per source. A source printed twice must print the same number: a draft
 * that would say two things of one figure is refused here, before any reader sees it.
 */
export function liveFigures(figures: readonly DocFigure[]): EditionFigure[] {
  const bySource = new Map<string, EditionFigure>();
  for (const f of figures) {
    const seen = bySource.get(f.source);
    if (!seen) bySource.set(f.source, { ...f, frozen: null });
    else if (seen.value !== f.value || seen.text !== f.text) throw new Error(`one source, two numbers: ${f.source} is ${seen.text} and ${f.text}`);
  }
  return [...bySource.values()];
}
