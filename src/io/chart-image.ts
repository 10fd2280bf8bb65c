// Charts for documents: an ECharts option drawn on the server by ECharts' own SVG renderer, then rasterised to PNG
// by resvg with the machine's CJK fonts (Debian's fonts-noto-cjk), so township names never come out as boxes.

import { execFileSync } from 'node:child_process';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/** The faces the chart text asks for, in order; resvg takes the first it has that holds each character. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/** The chart as an SVG document, as ECharts' server-side renderer writes it. */
export function chartSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The chart as a PNG at `scale` times its CSS size (2 by default: sharp when printed at the type area's width).
 * @example chartPng(progressChartOption(rows, 0.5, labels), 640, 200) → a 1280 × 400 PNG
 */
export function chartPng(option: Record<string, unknown>, width: number, height: number, scale = 2): Buffer {
  const svg = chartSvg(option, width, height);
  const resvg = new Resvg(svg, { background: '#ffffff', fitTo: { mode: 'zoom', value: scale }, font: chartFonts() });
  return resvg.render().asPng();
}

let fonts: ResvgRenderOptions['font'] | null = null;

/**
 * The fonts resvg loads: the file fontconfig picks for Noto Sans CJK SC, found once per process, so each chart does not
 * scan every font of the system (seconds on a machine with LibreOffice's); all system fonts where fontconfig is absent.
 */
function chartFonts(): ResvgRenderOptions['font'] {
  if (fonts) return fonts;
  const family = { defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC', serifFamily: 'Noto Serif CJK SC' };
  try {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK SC:lang=zh-cn'], { encoding: 'utf8', timeout: 10_000 }).trim();
    fonts = /noto/i.test(file) ? { loadSystemFonts: false, fontFiles: [file], ...family } : { loadSystemFonts: true, ...family };
  } catch {
    fonts = { loadSystemFonts: true, ...family };
  }
  return fonts;
}
