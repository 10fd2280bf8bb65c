// The mark every figure drawn from a round still open carries: "7月已审核 12/229", with why it matters on hover or tap.
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n.tsx';
import { completenessText } from '../lib/calendar-view.ts';
import type { Completeness } from '../lib/round-api.ts';

export function CompletenessTags({ items, prefix }: { items: readonly Completeness[]; prefix?: boolean }) {
  const i18n = useI18n();
  if (items.length === 0) return null;
  return (
    <span className="completeness">
      {prefix && <span>{i18n.t('complete.figures')}</span>}
      {items.map((c) => (
        <Tooltip key={c.roundId} title={i18n.t('complete.hint')}>
          <Tag color="gold" style={{ marginInlineEnd: 4, cursor: 'help' }}>
            {completenessText(i18n, c)}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
