// PDF from a .docx through LibreOffice (headless soffice), where it is installed, and a page of a PDF as PNG through
// poppler (pdftoppm). The GB/T 9704 faces are mapped to the faces the machine has by a fontconfig file of our own,
// each with its fallbacks in order, so a face lacking a character (FandolFang has no 虒) hands it to the next.

import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { FACES } from '../domain/document/gbt9704.ts';

const run = promisify(execFile);

/** The first of the names found on PATH, or null. */
export async function findProgram(...names: string[]): Promise<string | null> {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
      const candidate = path.join(dir, name);
      try {
        await fs.access(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}

/** LibreOffice's command, or null when it is not installed. */
export function findSoffice(): Promise<string | null> {
  return findProgram('soffice', 'libreoffice');
}

/** A fontconfig file that keeps the system's configuration and puts each GB/T 9704 face's fallbacks behind it. */
export function fontconfigFile(): string {
  const aliases = Object.values(FACES)
    .map((face) => `  <alias binding="same"><family>${face.name}</family><prefer>${face.fallbacks.map((f) => `<family>${f}</family>`).join('')}</prefer></alias>`)
    .join('\n');
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`;
}

export interface PdfResult {
  pdf: Buffer;
  pages: number;
}

/**
 * Converts a .docx to PDF with LibreOffice under a profile of tiaodu's own in a temporary folder (a user's settings
 * never leak in). Refuses with a message naming the package when LibreOffice is missing.
 */
export function docxToPdf(docx: Buffer): Promise<PdfResult> {
  // One conversion at a time per process: they share the process's LibreOffice profile.
  const next = queue.then(() => convert(docx));
  queue = next.catch(() => undefined);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();
let profile: string | null = null;

/** The process's LibreOffice profile: made on first use (which takes LibreOffice several seconds), then reused. */
async function profileDir(): Promise<string> {
  if (!profile) {
    profile = await fs.mkdtemp(path.join(os.tmpdir(), 'tiaodu-soffice-'));
    await fs.writeFile(path.join(profile, 'fonts.conf'), fontconfigFile());
    process.once('exit', () => {
      try {
        rmSync(profile!, { recursive: true, force: true });
      } catch {
        // the temporary folder is the system's to clean then
      }
    });
  }
  return profile;
}

async function convert(docx: Buffer): Promise<PdfResult> {
  const soffice = await findSoffice();
  if (!soffice) throw new Error('未安装 LibreOffice，无法生成 PDF（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）');
  const home = await profileDir();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'tiaodu-pdf-'));
  try {
    const input = path.join(work, 'document.docx');
    await fs.writeFile(input, docx);
    await run(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(path.join(home, 'profile')).href}`, '--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, input],
      { timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: path.join(home, 'fonts.conf') } },
    );
    const pdf = await fs.readFile(path.join(work, 'document.pdf')).catch(() => {
      throw new Error('LibreOffice 未能生成 PDF');
    });
    return { pdf, pages: await pdfPageCount(pdf, work) };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function withTempPdf<T>(pdf: Buffer, dir: string | null, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const folder = dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'tiaodu-pdf-')));
  const file = path.join(folder, 'page-source.pdf');
  try {
    await fs.writeFile(file, pdf);
    return await work(file, folder);
  } finally {
    if (dir) await fs.rm(file, { force: true });
    else await fs.rm(folder, { recursive: true, force: true });
  }
}

/** The number of pages, from poppler's pdfinfo. */
export async function pdfPageCount(pdf: Buffer, dir: string | null = null): Promise<number> {
  const pdfinfo = await findProgram('pdfinfo');
  if (!pdfinfo) throw new Error('未安装 poppler-utils（pdfinfo）');
  return withTempPdf(pdf, dir, async (file) => {
    const { stdout } = await run(pdfinfo, [file]);
    const m = stdout.match(/^Pages:\s+(\d+)/m);
    if (!m) throw new Error('无法读取 PDF 页数');
    return Number(m[1]);
  });
}

/** One page of a PDF as PNG at a resolution (dots per inch), for the preview. */
export async function pdfPagePng(pdf: Buffer, page = 1, dpi = 96): Promise<Buffer> {
  const pdftoppm = await findProgram('pdftoppm');
  if (!pdftoppm) throw new Error('未安装 poppler-utils（pdftoppm），无法生成预览');
  return withTempPdf(pdf, null, async (file, dir) => {
    const out = path.join(dir, 'page');
    await run(pdftoppm, ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    return fs.readFile(`${out}.png`);
  });
}
