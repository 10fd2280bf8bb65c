// The indicator template's sentences drafted from the figures, every number a link to where it comes from: hovering or focusing it (sources quoted in docs/sources.md)
// names its figure, indicator, region, month and value and lights the panel line it came from; clicking goes there.
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Tooltip, Typography } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { indicatorByCode, isIndicatorCode } from '../../domain/indicator/catalogue.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import type { SentencePart, SentenceReport } from '../lib/indicator-api.ts';
import { partValueText } from '../lib/indicator-view.ts';

/** Two parts are the same number of the same sentence when they sit at the same place. */
export function samePart(a: SentencePart | null, b: SentencePart | null): boolean {
  return !!a && !!b && a.indicator === b.indicator && a.region === b.region && a.figure === b.figure && a.start === b.start && a.text === b.text;
}

function PartSource({ part, regionName }: { part: SentencePart; regionName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = isIndicatorCode(part.indicator) ? indicatorByCode(part.indicator).name : part.indicator;
  const figure = t(`ind.fig.${part.figure}` as MessageKey);
  const lines: [string, ReactNode][] = [
    [t('ind.part.figure'), figure],
    [t('ind.part.indicator'), name],
    [t('ind.part.region'), regionName],
    [t('ind.part.month'), i18n.month(part.month)],
    [t('ind.part.value'), partValueText(i18n, part)],
  ];
  return (
    <div className="ind-part-source">
      {lines.map(([k, v]) => (
        <div key={k}>
          <span style={{ opacity: 0.75 }}>{i18n.lang === 'zh' ? `${k}：` : `${k}: `}</span>
          {v}
        </div>
      ))}
    </div>
  );
}

export interface IndicatorSentencesProps {
  report: SentenceReport;
  regionName(code: string): string;
  /** The number under the pointer or the keyboard, or null. */
  active: SentencePart | null;
  onHover(part: SentencePart | null): void;
  onActivate(part: SentencePart): void;
}

export function IndicatorSentences({ report, regionName, active, onHover, onActivate }: IndicatorSentencesProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report.text);
      message.success(t('ind.copied'));
    } catch {
      // A page served over plain HTTP has no clipboard: the text stays selectable.
    }
  };
  return (
    <Card
      size="small"
      title={t('ind.sentences')}
      extra={
        report.sentences.length > 0 && (
          <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('ind.copyAll')}
          </Button>
        )
      }
    >
      <section aria-label={t('ind.sentences')}>
        {report.sentences.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.sentencesEmpty')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
              {t('ind.sentencesHint')}
            </Typography.Paragraph>
            {report.sentences.map((s, i) => (
              <p key={`${s.kind}-${s.indicator}-${i}`} className="sentence ind-sentence" data-kind={s.kind} data-indicator={s.indicator} style={{ marginBottom: 8 }}>
                {pieces(s.text, s.parts, (part, k) => (
                  <Tooltip key={k} title={<PartSource part={part} regionName={regionName(part.region)} />}>
                    <a
                      role="button"
                      tabIndex={0}
                      className="ind-part"
                      data-figure={part.figure}
                      data-indicator={part.indicator}
                      data-region={part.region}
                      data-value={part.value}
                      onMouseEnter={() => onHover(part)}
                      onMouseLeave={() => onHover(null)}
                      onFocus={() => onHover(part)}
                      onBlur={() => onHover(null)}
                      onClick={(e) => {
                        e.preventDefault();
                        onActivate(part);
                      }}
                      onKeyDown={(e: KeyboardEvent) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onActivate(part);
                        }
                      }}
                      style={{
                        color: '#1d4ed8',
                        borderBottom: '1px dashed #1d4ed8',
                        cursor: 'pointer',
                        borderRadius: 2,
                        background: samePart(active, part) ? '#fff1b8' : undefined,
                      }}
                    >
                      {part.text}
                    </a>
                  </Tooltip>
                ))}
              </p>
            ))}
          </>
        )}
      </section>
    </Card>
  );
}

/** The sentence cut at its parts: plain text between, each number rendered by `render`. */
function pieces(text: string, parts: readonly SentencePart[], render: (part: SentencePart, key: number) => ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  [...parts]
    .sort((a, b) => a.start - b.start)
    .forEach((part, i) => {
      if (part.start < at) return; // overlapping parts would garble the sentence; the first one wins
      if (part.start > at) out.push(text.slice(at, part.start));
      out.push(render(part, i));
      at = part.end;
    });
  if (at < text.length) out.push(text.slice(at));
  return out;
}
