// The responsible-unit filter of the supervision board and the alert centre: any of the county's units, searchable, cleared
// for all.
import { Select } from 'antd';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';

export function UnitFilter({ value, onChange }: { value: string | undefined; onChange(unit: string | undefined): void }) {
  const { t } = useI18n();
  const { context } = useSession();
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('sv.col.unit')}
      value={value}
      onChange={(v?: string) => onChange(v)}
      options={context.units.map((u) => ({ value: u.id, label: u.name }))}
      style={{ minWidth: 170 }}
      aria-label={t('sv.col.unit')}
    />
  );
}
