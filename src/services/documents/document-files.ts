// A document's content made into files: the .docx (charts drawn on the server), its PDF through LibreOffice, and the
// first page as an image for the preview.

import type { DocFigure, DocumentContent, EditionFigure } from '../../domain/document/document-model.ts';
import { chartPng } from '../../io/chart-image.ts';
import { writeDocx, type ResolvedBlock, type TextPiece } from '../../io/docx-writer.ts';
import { docxToPdf, pdfPagePng, type PdfResult } from '../../io/pdf.ts';

/** The note a frozen figure carries in the .docx (a Word comment): the figure, when it was frozen, and why. */
export function frozenNote(f: EditionFigure): string | undefined {
  if (!f.frozen) return undefined;
  return `此数已冻结（${f.frozen.on}），不随数据更新：${f.label}${f.frozen.note ? `。${f.frozen.note}` : ''}`;
}

/** The blocks with every figure replaced by its text, and the charts drawn. */
export function resolveBlocks(content: DocumentContent): ResolvedBlock[] {
  const figures = new Map<string, EditionFigure>(content.figures.map((f) => [f.source, f]));
  return content.blocks.flatMap((b): ResolvedBlock[] => {
    switch (b.kind) {
      case 'chart':
        return b.chart ? [{ kind: 'chart', title: b.chart.title, png: chartPng(b.chart.option, b.chart.width, b.chart.height), width: b.chart.width, height: b.chart.height }] : [];
      case 'table':
        return b.table ? [{ kind: 'table', ...b.table }] : [];
      default: {
        const pieces: TextPiece[] = b.runs.map((r) => {
          if ('text' in r) return { text: r.text };
          const f = figures.get(r.figure);
          if (!f) throw new Error(`a paragraph names a figure the document does not hold: ${r.figure}`);
          const note = frozenNote(f);
          return note ? { text: f.text, note } : { text: f.text };
        });
        return [{ kind: b.kind, pieces }];
      }
    }
  });
}

/** The .docx of a document's content. */
export function contentDocx(content: DocumentContent, author = 'tiaodu'): Promise<Buffer> {
  const h = content.head;
  return writeDocx({ docNumber: h.docNumber, title: h.title, recipient: h.recipient, opening: h.opening, signature: h.signature, date: h.date, author, blocks: resolveBlocks(content) });
}

/** The PDF of a .docx, through LibreOffice. */
export function docxPdf(docx: Buffer): Promise<PdfResult> {
  return docxToPdf(docx);
}

/** The first page of a .docx as PNG, as LibreOffice prints it. */
export async function docxPreview(docx: Buffer, dpi = 72): Promise<Buffer> {
  const { pdf } = await docxToPdf(docx);
  return pdfPagePng(pdf, 1, dpi);
}

/** The figures as the command line's --json lists them. */
export function figureList(figures: readonly DocFigure[]): { text: string; value: number; source: string; label: string }[] {
  return figures.map((f) => ({ text: f.text, value: f.value, source: f.source, label: f.label }));
}
