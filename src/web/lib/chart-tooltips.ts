// The tooltips whose text the web builds itself (ECharts shows a formatter's string as HTML), each through tooltipLines
// so a name typed by a user is escaped; ECharts' own tooltips escape their names themselves.
import { tooltipLines } from './escape-html.ts';

export interface ChainTooltipWords {
  total: string;
  count: string;
  /** The unit after the amount: "亿元" or " ×100M yuan". */
  yiUnit: string;
  zh: boolean;
}

/** The dashboard pie's tooltip for one 产业链: its name, total investment in 亿元 with its share, and its project count. */
export function chainTooltip(p: { name: string; value: number; percent: number; data: { count: number } }, w: ChainTooltipWords): string {
  const amount = w.zh ? `${w.total} ${p.value}${w.yiUnit}（${p.percent}%）` : `${w.total} ${p.value}${w.yiUnit} (${p.percent}%)`;
  return tooltipLines(p.name, amount, `${w.count} ${p.data.count}`);
}
