// One figure per concept: the line under an investment figure saying which of the three it is and what it counts.
import { Tooltip, Typography } from 'antd';
import { INVESTMENT_MEASURES, type InvestmentMeasure } from '../../domain/document/investment-measures.ts';
import { useI18n } from '../i18n.tsx';

export function MeasureNote({ measure }: { measure: InvestmentMeasure }) {
  const { lang } = useI18n();
  const m = INVESTMENT_MEASURES[measure];
  const [name, counts] = lang === 'zh' ? [m.name, m.counts] : [m.nameEn, m.countsEn];
  return (
    <Tooltip title={counts}>
      <Typography.Text type="secondary" className="measure-note" style={{ display: 'block', fontSize: 12 }} data-measure={measure}>
        {lang === 'zh' ? `口径：${name}` : `Measure: ${name}`}
      </Typography.Text>
    </Tooltip>
  );
}
