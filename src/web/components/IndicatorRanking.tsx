// Regions side by side: the city's county-level units ranked by cumulative growth for a chosen indicator (ties share a (sources quoted in docs/sources.md)
// rank), or — for an account that sees only its county — the county's own rank for each indicator; and the townships and
// zones ahead of or behind 时序进度, ranked and coloured, as the indicator template's "达到时序进度的只有…" counts them.
import { Alert, Card, Empty, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import type { Role } from '../../domain/access.ts';
import { coversRegion } from '../../domain/access.ts';
import { formatRate } from '../../domain/format.ts';
import type { IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { indicatorMetrics } from '../../domain/indicator/metrics.ts';
import { cityPeerGroups, rankByGrowth } from '../../domain/indicator/ranking.ts';
import { parentCode, regionLevel } from '../../domain/region.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { indicatorApi, type IndicatorItem, type IndicatorStanding, type SentencePart, type StandingReport } from '../lib/indicator-api.ts';
import { cityRankText, countyRankText, DASH, exactFigures, gapText, signedRate, valueText } from '../lib/indicator-view.ts';
import { LoadError } from './common.tsx';
import { Missing } from './IndicatorPanel.tsx';

const ROW_BACKGROUND = { ahead: '#f6ffed', near: '#fffbe6', behind: '#fff1f0' } as const;
const STANDING_TAG = { ahead: 'green', near: 'gold', behind: 'red' } as const;
const FOCUS_STYLE = { boxShadow: 'inset 0 0 0 2px #faad14' };

interface CityRow {
  region: string;
  name: string;
  value: number | null;
  yoy: number | null;
  yoySource: 'official' | 'computed' | null;
  rank: number | null;
  countyRank: number | null;
}

/**
 * The city's county-level units for one indicator as of a month, ranked by 同比 the way the server ranks them: the
 * official rate, else value ÷ last year's − 1; equal at one decimal share a rank; a unit without growth is unranked.
 */
async function loadCityRanking(city: string, asOf: string, indicator: IndicatorCode): Promise<{ indicator: IndicatorCode; rows: CityRow[]; cityCount: number; countyCount: number }> {
  const year = Number(asOf.slice(0, 4));
  const [now, before] = await Promise.all([
    indicatorApi.values({ region: city, year: String(year), within: 'true', indicator }),
    indicatorApi.values({ region: city, year: String(year - 1), within: 'true', indicator }),
  ]);
  const values = [...now.values, ...before.values].filter((v) => v.region !== city && v.region.length === 6);
  const units = [...new Map(values.map((v) => [v.region, { code: v.region, name: v.regionName }])).values()];
  const growth = new Map(
    units.map((u) => {
      const m = indicatorMetrics({
        indicator,
        region: u.code,
        asOf,
        values: values.filter((v) => v.region === u.code).map((v) => ({ indicator: v.indicator, region: v.region, month: v.month, value: v.value, officialYoy: v.officialYoy })),
      });
      return [u.code, m] as const;
    }),
  );
  const groups = cityPeerGroups(city, units);
  const inCity = rankByGrowth(groups.cityUnits.map((code) => ({ region: code, growth: growth.get(code)?.yoy ?? null })));
  const amongCounties = rankByGrowth(groups.counties.map((code) => ({ region: code, growth: growth.get(code)?.yoy ?? null })));
  const rankOf = (ranking: typeof inCity, code: string) => ranking.ranked.find((r) => r.region === code)?.rank ?? null;
  const rows = units
    .map((u) => {
      const m = growth.get(u.code)!;
      return { region: u.code, name: u.name, value: m.value, yoy: m.yoy, yoySource: m.yoySource, rank: rankOf(inCity, u.code), countyRank: rankOf(amongCounties, u.code) };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.region.localeCompare(b.region));
  return { indicator, rows, cityCount: inCity.peerCount, countyCount: amongCounties.peerCount };
}

function FullRanking({ city, region, asOf, items }: { city: string; region: string; asOf: string; items: IndicatorItem[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const choices = items.filter((i) => i.ranks.inCity?.source === 'computed');
  const options = (choices.length > 0 ? choices : items).map((i) => ({ value: i.code, label: i.indicator }));
  const [chosen, setChosen] = useState<IndicatorCode | null>(null);
  const indicator = chosen && options.some((o) => o.value === chosen) ? chosen : (options[0]?.value ?? 'gdp');
  const ranking = useAsync(() => loadCityRanking(city, asOf, indicator), [city, asOf, indicator]);
  // The last indicator's rows stay on screen while the chosen one loads; until they are replaced the table says it is busy.
  const busy = ranking.loading || (!ranking.error && ranking.data?.indicator !== indicator);
  const columns: TableColumnsType<CityRow> = [
    { key: 'rank', title: t('ind.col.rank'), width: 64, align: 'center', render: (_, r) => (r.rank === null ? <Missing reason={t('ind.missing')} /> : <strong>{r.rank}</strong>) },
    { key: 'name', title: t('ind.col.region'), dataIndex: 'name', width: 100 },
    { key: 'value', title: t('ind.col.value'), align: 'right', width: 120, render: (_, r) => (r.value === null ? DASH : valueText(indicator, r.value, lang)) },
    {
      key: 'yoy',
      title: t('ind.col.yoy'),
      align: 'right',
      width: 110,
      render: (_, r) => (r.yoy === null ? <Missing reason={t('ind.missing')} /> : `${signedRate(r.yoy)}${r.yoySource === 'computed' ? `（${t('ind.computed')}）` : ''}`),
    },
    { key: 'countyRank', title: t('ind.rankCounties'), align: 'center', width: 96, render: (_, r) => r.countyRank ?? DASH },
  ];
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Select value={indicator} options={options} onChange={setChosen} style={{ minWidth: 180 }} aria-label={t('ind.col.indicator')} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ind.rankingOf', { period: i18n.period(asOf) })} · {t('ind.rankingTies')}
        </Typography.Text>
      </div>
      {ranking.error && <LoadError error={ranking.error} onRetry={ranking.reload} />}
      <div aria-busy={busy}>
        <Table<CityRow>
          size="small"
          rowKey="region"
          columns={columns}
          dataSource={ranking.data?.rows ?? []}
          loading={busy}
          pagination={false}
          scroll={{ x: 490 }}
          onRow={(r) => ({ style: r.region === region ? { background: '#e6f4ff', fontWeight: 600 } : undefined, 'data-region': r.region }) as HTMLAttributes<HTMLElement>}
          aria-label={t('ind.ranking')}
        />
      </div>
    </>
  );
}

/** The county's own rank for each indicator, for an account that cannot see the city's other units. */
function OwnRanks({ items, regionName, asOf, focus }: { items: IndicatorItem[]; regionName: string; asOf: string; focus: SentencePart | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ranked = items.filter((i) => i.ranks.inCity || i.ranks.amongCounties);
  const columns: TableColumnsType<IndicatorItem> = [
    { key: 'indicator', title: t('ind.col.indicator'), dataIndex: 'indicator', width: 150 },
    {
      key: 'yoy',
      title: t('ind.col.yoy'),
      align: 'right',
      width: 96,
      render: (_, r) => {
        const yoy = exactFigures(r, { asOf }).yoy;
        return yoy === null ? DASH : signedRate(yoy);
      },
    },
    {
      key: 'city',
      title: t('ind.rankCity'),
      width: 150,
      onCell: () => ({ className: 'nowrap' }),
      render: (_, r) =>
        r.ranks.inCity ? (
          <>
            {cityRankText(i18n, r.ranks.inCity)}
            {r.ranks.inCity.source === 'entered' && <Tag bordered={false} style={{ marginInlineStart: 4 }}>{t('ind.entered')}</Tag>}
          </>
        ) : (
          DASH
        ),
    },
    { key: 'counties', title: t('ind.rankCounties'), width: 124, onCell: () => ({ className: 'nowrap' }), render: (_, r) => (r.ranks.amongCounties ? countyRankText(i18n, r.ranks.amongCounties) : DASH) },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('ind.rankingOwnOnly', { region: regionName })} {t('ind.rankingTies')}
      </Typography.Paragraph>
      <Table<IndicatorItem>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={[...ranked].sort((a, b) => (a.ranks.inCity?.rank ?? 99) - (b.ranks.inCity?.rank ?? 99))}
        pagination={false}
        scroll={{ x: 520 }}
        onRow={(r) => ({ style: focus && focus.indicator === r.code && /rank|PeerCount/.test(focus.figure) ? FOCUS_STYLE : undefined, 'data-indicator': r.code }) as HTMLAttributes<HTMLElement>}
        aria-label={t('ind.ranking')}
      />
    </>
  );
}

export function CityRanking({ region, regionName, asOf, items, focus }: { region: string; regionName: string; asOf: string; items: IndicatorItem[]; focus: SentencePart | null }) {
  const { t } = useI18n();
  const { user } = useSession();
  const level = regionLevel(region);
  const city = level === 'county' ? parentCode(region) : null;
  const seesCity = city !== null && coversRegion({ userId: user.id, role: user.role as Role, regionCode: user.regionCode, unitId: null, leaderId: null }, city);
  return (
    <Card size="small" title={t('ind.ranking')} className="fill-card">
      <section aria-label={t('ind.ranking')}>
        {level !== 'county' ? (
          <Alert type="info" showIcon message={t('ind.rankingTownship')} />
        ) : seesCity && city ? (
          <FullRanking city={city} region={region} asOf={asOf} items={items} />
        ) : (
          <OwnRanks items={items} regionName={regionName} asOf={asOf} focus={focus} />
        )}
      </section>
    </Card>
  );
}

type StandingRow = IndicatorStanding['ranked'][number] | (IndicatorStanding['unranked'][number] & { rank?: undefined; standing?: undefined });

/** Which rows a sentence's number is about: a township's share, the count of those ahead, or the last few named. */
function focusedRegions(s: IndicatorStanding, focus: SentencePart | null): Set<string> {
  if (!focus || focus.indicator !== s.indicator) return new Set();
  if (focus.figure === 'aheadCount') return new Set(s.ranked.filter((r) => r.standing === 'ahead').map((r) => r.region));
  if (focus.figure === 'bottomCount') {
    const behind = s.ranked.filter((r) => r.standing === 'behind');
    return new Set(behind.slice(Math.max(0, behind.length - focus.value)).map((r) => r.region));
  }
  return new Set([focus.region]);
}

export function SubRegionStanding({ report, focus, error, onRetry }: { report: StandingReport | undefined; focus: SentencePart | null; error?: Parameters<typeof LoadError>[0]['error']; onRetry?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const standings = useMemo(() => report?.standings ?? [], [report]);
  const [chosen, setChosen] = useState<string | null>(null);
  // A number of a sentence about the townships brings its indicator's table up.
  useEffect(() => {
    if (focus && standings.some((s) => s.indicator === focus.indicator) && (focus.region !== report?.region || /aheadCount|bottomCount/.test(focus.figure))) setChosen(focus.indicator);
  }, [focus, standings, report?.region]);
  const current = standings.find((s) => s.indicator === chosen) ?? standings[0];
  const lit = current ? focusedRegions(current, focus) : new Set<string>();
  const columns: TableColumnsType<StandingRow> = [
    { key: 'rank', title: t('ind.col.rank'), width: 60, align: 'center', render: (_, r) => (r.rank === undefined ? <Missing reason={t('ind.unrankedReason')} /> : <strong>{r.rank}</strong>) },
    { key: 'name', title: t('ind.col.region'), dataIndex: 'name', width: 110 },
    { key: 'share', title: t('ind.col.targetShare'), align: 'right', width: 96, render: (_, r) => (r.targetShare === null ? <Missing reason={t('ind.unrankedReason')} /> : formatRate(r.targetShare)) },
    { key: 'gap', title: t('ind.col.gap'), width: 170, render: (_, r) => (r.progressGap === null ? DASH : gapText(i18n, r.progressGap)) },
    {
      key: 'standing',
      title: t('ind.col.standing'),
      width: 72,
      render: (_, r) => (r.standing ? <Tag color={STANDING_TAG[r.standing]} style={{ marginInlineEnd: 0 }}>{t(`ind.standing.${r.standing}`)}</Tag> : DASH),
    },
  ];
  return (
    <Card size="small" title={t('ind.standing')} className="fill-card">
      <section aria-label={t('ind.standing')}>
        {error && !report && <LoadError error={error} onRetry={onRetry} />}
        {report && standings.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.standingEmpty')} />}
        {current && (
          <>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
              <Select
                value={current.indicator}
                options={standings.map((s) => ({ value: s.indicator, label: s.name }))}
                onChange={setChosen}
                style={{ minWidth: 160 }}
                aria-label={t('ind.col.indicator')}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i18n.period(report!.asOf)}
              </Typography.Text>
            </div>
            <Table<StandingRow>
              size="small"
              rowKey="region"
              columns={columns}
              dataSource={[...current.ranked, ...current.unranked]}
              pagination={false}
              scroll={{ x: 508 }}
              onRow={(r) =>
                ({
                  style: { background: r.standing ? ROW_BACKGROUND[r.standing] : undefined, ...(lit.has(r.region) ? FOCUS_STYLE : {}) },
                  'data-region': r.region,
                  'data-standing': r.standing ?? 'unranked',
                }) as HTMLAttributes<HTMLElement>
              }
              aria-label={t('ind.standing')}
            />
          </>
        )}
      </section>
    </Card>
  );
}
