// Writes a resolved document as a .docx laid out to GB/T 9704-2012: A4 with its margins, a 22 × 28 grid, each
// element's face and size, "— 1 —" page numbers outside on odd and even pages, and a font table whose faces name the
// faces Word and LibreOffice try next when a machine lacks them. No business rules: the text arrives finished.

import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import { ELEMENT_STYLE, FACES, MARGIN_MM, PAGE_MM, mmToTwips, pageNumberText, typeAreaGrid, type ElementKind, type Face } from '../domain/document/gbt9704.ts';

/** A piece of finished text; a note becomes a Word comment on it (a frozen number says so there). */
export interface TextPiece {
  text: string;
  note?: string;
}

export type ResolvedBlock =
  | { kind: 'heading1' | 'heading2' | 'body'; pieces: TextPiece[] }
  | { kind: 'chart'; title: string; png: Buffer; width: number; height: number }
  | { kind: 'table'; title: string; columns: string[]; rows: (string | number)[][]; numeric?: boolean[] };

export interface DocxInput {
  docNumber: string;
  title: string;
  recipient: string;
  opening: string;
  blocks: ResolvedBlock[];
  signature: string;
  date: string;
  /** Author of comments (the app's name for the account). */
  author: string;
}

const STYLE_IDS: Record<ElementKind, string> = {
  title: 'GbTitle',
  docNumber: 'GbDocNumber',
  recipient: 'GbRecipient',
  body: 'GbBody',
  heading1: 'GbHeading1',
  heading2: 'GbHeading2',
  heading3: 'GbHeading3',
  signature: 'GbSignature',
  date: 'GbDate',
  pageNumber: 'GbPageNumber',
  caption: 'GbCaption',
};

const grid = typeAreaGrid();
/** Exact line height of the grid: 22 lines fill the type area whatever the renderer does with the grid itself. */
const LINE = { line: grid.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/**
 * 28 characters of 三号 in 156 mm: each character is narrowed by a quarter point (16 − 0.25 = 15.75 pt, 28 of them
 * 441 pt of the 442.2 available). Run spacing rather than a character grid, because LibreOffice lays a character grid
 * out wider than Word does; the line grid (22 lines) both honour.
 */
export const CHAR_SPACING_TWIPS = -5;
/** Paragraphs open two characters in. */
const TWO_CHARS = Math.round(2 * (ELEMENT_STYLE.body.sizePt * 20 + CHAR_SPACING_TWIPS));
/** §7.3.5: the signature and the date stand four characters in from the right. */
const FOUR_CHARS = 2 * TWO_CHARS;
const TYPE_AREA_PX = Math.round(((PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right) / 25.4) * 96);

function font(face: Face) {
  return { ascii: face.name, hAnsi: face.name, eastAsia: face.name, cs: face.name };
}

function style(kind: ElementKind, extra: Partial<Omit<IParagraphStyleOptions, 'id'>> = {}): IParagraphStyleOptions {
  const s = ELEMENT_STYLE[kind];
  return {
    id: STYLE_IDS[kind],
    name: STYLE_IDS[kind],
    basedOn: 'Normal',
    quickFormat: true,
    ...extra,
    run: { font: font(s.face), size: s.sizePt * 2, characterSpacing: kind === 'title' || kind === 'pageNumber' ? 0 : CHAR_SPACING_TWIPS, ...(extra.run ?? {}) },
    paragraph: { spacing: LINE, ...(extra.paragraph ?? {}) },
  };
}

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  style('title', { paragraph: { alignment: AlignmentType.CENTER, spacing: LINE } }),
  style('docNumber', { paragraph: { alignment: AlignmentType.CENTER, spacing: LINE } }),
  style('recipient'),
  style('body', { paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: TWO_CHARS }, spacing: LINE } }),
  style('heading1', { paragraph: { indent: { firstLine: TWO_CHARS }, spacing: LINE, keepNext: true } }),
  style('heading2', { paragraph: { indent: { firstLine: TWO_CHARS }, spacing: LINE, keepNext: true } }),
  style('heading3', { paragraph: { indent: { firstLine: TWO_CHARS }, spacing: LINE } }),
  style('signature', { paragraph: { alignment: AlignmentType.RIGHT, indent: { right: FOUR_CHARS }, spacing: LINE } }),
  style('date', { paragraph: { alignment: AlignmentType.RIGHT, indent: { right: FOUR_CHARS }, spacing: LINE } }),
  style('pageNumber', { paragraph: { spacing: { before: 0, after: 0 } } }),
  style('caption', { paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120 } } }),
];

const blank = (kind: ElementKind = 'body') => new Paragraph({ style: STYLE_IDS[kind], indent: { firstLine: 0 }, children: [] });
const line = (kind: ElementKind, text: string) => new Paragraph({ style: STYLE_IDS[kind], children: [new TextRun(text)] });

/** The page number outside: right on odd pages, left on even ones, a character in from the edge (§7.5). */
function pageFooter(side: 'odd' | 'even'): Footer {
  const [before, after] = pageNumberText('#').split('#') as [string, string];
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_IDS.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })],
      }),
    ],
  });
}

function table(b: Extract<ResolvedBlock, { kind: 'table' }>): Table {
  const cell = (text: string | number, header: boolean, numeric: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 0, after: 0, line: 300, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: String(text), bold: header, size: 24, font: font(header ? FACES.heading1 : FACES.body) })],
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true, false)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, false, b.numeric?.[i] ?? typeof v === 'number')) })),
    ],
  });
}

/** Builds the document; returns the .docx bytes. */
export async function writeDocx(input: DocxInput): Promise<Buffer> {
  const comments: ICommentOptions[] = [];
  const pieces = (list: TextPiece[]): ParagraphChild[] =>
    list.flatMap((p): ParagraphChild[] => {
      if (!p.note) return [new TextRun(p.text)];
      const id = comments.length;
      comments.push({ id, author: input.author, date: new Date(0), children: [new Paragraph(p.note)] });
      return [new CommentRangeStart(id), new TextRun(p.text), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
    });

  let charts = 0;
  const body = input.blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading1':
      case 'heading2':
      case 'body':
        return [new Paragraph({ style: STYLE_IDS[b.kind], children: pieces(b.pieces) })];
      case 'chart': {
        charts += 1;
        const width = Math.min(TYPE_AREA_PX, b.width);
        const height = Math.round((b.height * width) / b.width);
        return [
          new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new ImageRun({ type: 'png', data: b.png, transformation: { width, height }, altText: { name: b.title, description: b.title, title: b.title } })] }),
          line('caption', `图${charts}　${b.title}`),
        ];
      }
      case 'table':
        return [new Paragraph({ style: STYLE_IDS.heading3, keepNext: true, children: [new TextRun(b.title)] }), table(b), blank('caption')];
    }
  });

  const head: Paragraph[] = [];
  if (input.docNumber) head.push(line('docNumber', input.docNumber), blank());
  head.push(line('title', input.title), blank());
  if (input.recipient) head.push(line('recipient', `${input.recipient}：`));
  if (input.opening) head.push(new Paragraph({ style: STYLE_IDS.body, children: [new TextRun(input.opening)] }));

  const doc = new Document({
    creator: input.author,
    title: input.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(FACES.body), size: ELEMENT_STYLE.body.sizePt * 2 } } },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    comments: { children: comments },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
            margin: {
              top: mmToTwips(MARGIN_MM.top),
              bottom: mmToTwips(MARGIN_MM.bottom),
              left: mmToTwips(MARGIN_MM.left),
              right: mmToTwips(MARGIN_MM.right),
              header: mmToTwips(15),
              // The number's baseline sits about 7 mm under the type area.
              footer: mmToTwips(MARGIN_MM.bottom - 9),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: grid.linePitchTwips },
        },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children: [...head, ...body, blank(), line('signature', input.signature), line('date', input.date)],
      },
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
}

/** The Windows charset of GB2312 and each face's family, so Word picks a like face when one is missing. */
const FONT_FAMILY: Record<string, string> = { title: 'roman', body: 'modern', heading1: 'modern', heading2: 'script', pageNumber: 'roman' };

/**
 * Rewrites the font table: every GB/T 9704 face with its next choice as w:altName, GB2312's charset and its family,
 * and the fallbacks themselves listed, so a machine without 仿宋_GB2312 uses 仿宋 and then Noto, never a box.
 */
async function withFontFallbacks(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const entries = Object.entries(FACES).flatMap(([role, face]) => [
    `<w:font w:name="${face.name}"><w:altName w:val="${face.fallbacks[0]}"/><w:charset w:val="86"/><w:family w:val="${FONT_FAMILY[role] ?? 'auto'}"/><w:pitch w:val="variable"/></w:font>`,
    ...face.fallbacks.map((f) => `<w:font w:name="${f}"><w:charset w:val="86"/><w:family w:val="${FONT_FAMILY[role] ?? 'auto'}"/><w:pitch w:val="variable"/></w:font>`),
  ]);
  const unique = [...new Set(entries.map((e) => e.match(/w:name="([^"]+)"/)![1]))].map((name) => entries.find((e) => e.includes(`w:name="${name}"`))!);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    unique.join('') +
    '</w:fonts>';
  zip.file('word/fontTable.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
