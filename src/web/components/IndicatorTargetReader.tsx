// The target reader: a government work report's text pasted in, the targets it states proposed with the words they were
// read from (marked in the text), and the ticked ones confirmed and saved with their source text.
import { App, Button, Card, Empty, Input, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { formatRate } from '../../domain/format.ts';
import { ApiError } from '../api.ts';
import { useI18n, type I18n } from '../i18n.tsx';
import { indicatorApi, type TargetProposal } from '../lib/indicator-api.ts';
import { valueText } from '../lib/indicator-view.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../domain/validation.ts';
import { LoadError } from './common.tsx';

type Target = Pick<TargetProposal, 'indicator' | 'kind' | 'value' | 'qualifier' | 'upper'>;

/** A target as a report words it: "增长8%", "增长8%以上", "增长7%—8%", "65亿元". */
export function targetText(i18n: I18n, t: Target): string {
  if (t.kind === 'absolute') return valueText(t.indicator, t.value, i18n.lang);
  const rate = t.qualifier === 'range' && t.upper !== null ? `${formatRate(t.value).replace('%', '')}%—${formatRate(t.upper)}` : formatRate(t.value);
  const qualifier = t.qualifier && t.qualifier !== 'range' ? i18n.t(`ind.qualifier.${t.qualifier}`) : '';
  return `${i18n.t('ind.growthTarget', { rate })}${qualifier}`;
}

function same(a: Target, b: Target): boolean {
  return a.kind === b.kind && a.value === b.value && (a.qualifier ?? null) === (b.qualifier ?? null) && (a.upper ?? null) === (b.upper ?? null);
}

/** The pasted text with the spans the reader matched marked, so the clerk sees what was read from where. */
function Marked({ text, proposals }: { text: string; proposals: TargetProposal[] }) {
  const spans = [...new Map(proposals.map((p) => [`${p.span.start}-${p.span.end}`, p.span])).values()].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.start} style={{ background: '#fff1b8', padding: '0 1px' }}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  out.push(text.slice(at));
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, borderRadius: 6, fontSize: 13 }} className="ind-marked">
      {out}
    </Typography.Paragraph>
  );
}

export function IndicatorTargetReader({ region, regionName, defaultYear, onSaved }: { region: string; regionName: string; defaultYear: number; onSaved(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [year, setYear] = useState<number>(defaultYear);
  const [text, setText] = useState('');
  const [read, setRead] = useState<{ text: string; proposals: TargetProposal[] } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState<'read' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const readTargets = async () => {
    if (!text.trim()) {
      setError(new ApiError(0, 'client', t('ind.readEmpty')));
      return;
    }
    setBusy('read');
    setError(null);
    try {
      const res = await indicatorApi.readTargets(region, year, text);
      setRead({ text, proposals: res.proposals });
      setSelected(res.proposals.map((_, i) => i));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!read) return;
    const chosen = read.proposals.filter((_, i) => selected.includes(i));
    setBusy('save');
    setError(null);
    try {
      const res = await indicatorApi.confirmTargets({
        region,
        year,
        targets: chosen.map((p) => ({ indicator: p.indicator, kind: p.kind, value: p.value, qualifier: p.qualifier, upper: p.upper, sourceText: p.span.text })),
      });
      message.success(t('ind.confirmed', { n: res.saved }));
      setRead(null);
      setSelected([]);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(null);
    }
  };

  const rows = read?.proposals.map((p, i) => ({ ...p, key: i })) ?? [];
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { key: 'name', title: t('ind.col.indicator'), dataIndex: 'name', width: 150 },
    { key: 'target', title: t('ind.col.proposal'), width: 120, render: (_, p) => <strong>{targetText(i18n, p)}</strong> },
    { key: 'matched', title: t('ind.col.matched'), width: 200, render: (_, p) => <Typography.Text type="secondary">{p.span.text}</Typography.Text> },
    {
      key: 'existing',
      title: t('ind.col.existing'),
      width: 130,
      render: (_, p) =>
        p.existing === null ? (
          '—'
        ) : (
          <>
            {targetText(i18n, p.existing)}
            {same(p, p.existing) && (
              <Tag bordered={false} style={{ marginInlineStart: 4 }}>
                {t('ind.sameAsNow')}
              </Tag>
            )}
          </>
        ),
    },
  ];

  return (
    <Card size="small" title={t('ind.reader')} className="fill-card">
      <section aria-label={t('ind.reader')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('ind.readerHint')}
        </Typography.Paragraph>
        <Space wrap size={8} style={{ marginBottom: 8 }}>
          <span>{t('ind.readerYear')}</span>
          <InputNumber min={FIRST_YEAR} max={LAST_YEAR} value={year} onChange={(v) => v && setYear(v)} aria-label={t('ind.readerYear')} style={{ width: 96 }} />
          <Typography.Text type="secondary">{regionName}</Typography.Text>
        </Space>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={4} placeholder={t('ind.readerPlaceholder')} aria-label={t('ind.readerText')} />
        <Button type="primary" style={{ marginTop: 8 }} loading={busy === 'read'} onClick={() => void readTargets()}>
          {t('ind.read')}
        </Button>
        {error && (
          <div style={{ marginTop: 8 }}>
            <LoadError error={error} />
          </div>
        )}
        {read && (
          <div style={{ marginTop: 12 }} aria-label={t('ind.proposals', { n: read.proposals.length })} role="group">
            {read.proposals.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.noProposals')} />
            ) : (
              <>
                <Typography.Text strong>{t('ind.proposals', { n: read.proposals.length })}</Typography.Text>
                <Marked text={read.text} proposals={read.proposals} />
                <Table
                  size="small"
                  columns={columns}
                  dataSource={rows}
                  pagination={false}
                  scroll={{ x: 600 }}
                  rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
                  aria-label={t('ind.proposals', { n: read.proposals.length })}
                />
                <Button type="primary" style={{ marginTop: 8 }} disabled={selected.length === 0} loading={busy === 'save'} onClick={() => void confirm()}>
                  {t('ind.confirm', { n: selected.length })}
                </Button>
              </>
            )}
          </div>
        )}
      </section>
    </Card>
  );
}
