// Charts for documents: an ECharts option drawn on the server by ECharts' own SVG renderer, then rasterised to PNG
// by resvg with the machine's CJK fonts (Debian's fonts-noto-cjk), so township names never come out as boxes.

import { Resvg } from '@resvg/resvg-js';
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
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC', serifFamily: 'Noto Serif CJK SC' },
  });
  return resvg.render().asPng();
}
