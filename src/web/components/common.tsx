// Small pieces every page uses: the page title line, a labelled figure card, and the loading and error states.
import { Alert, Button, Card, Result, Skeleton, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export function PageTitle({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-title">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {sub && <div className="page-sub">{sub}</div>}
      </div>
      {extra && <div className="page-title-extra">{extra}</div>}
    </div>
  );
}

/**
 * A figure with its label, as a region named by the label, so "总投资 402.8亿元" reads as one thing to people and screen readers.
 */
export function StatCard({ title, value, children, accent }: { title: string; value: ReactNode; children?: ReactNode; accent?: string }) {
  return (
    <Card size="small" className="stat-card" style={accent ? { borderTop: `3px solid ${accent}` } : undefined}>
      <section aria-label={title}>
        <div className="stat-title">{title}</div>
        <div className="stat-value">{value}</div>
        {children && <div className="stat-extra">{children}</div>}
      </section>
    </Card>
  );
}

/** A pair "label value" inside a card, kept on one line so "复工率 100%" is read together. */
export function Figure({ label, value, strong }: { label: string; value: ReactNode; strong?: boolean }) {
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <span className={strong ? 'figure-value strong' : 'figure-value'}>{value}</span>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      message={t('common.loadFailed')}
      description={error.message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

export function PageSkeleton() {
  return (
    <Card>
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}

export function NotFound({ action }: { action?: ReactNode }) {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={action} />;
}

/** A column header that, when narrow, breaks before its unit: "总投资" over "（万元）", never inside a word. */
export function columnTitle(title: string): ReactNode {
  const at = title.indexOf('（');
  if (at <= 0) return title;
  return (
    <span className="col-title">
      {title.slice(0, at)}
      <wbr />
      {title.slice(at)}
    </span>
  );
}

/** A page that fails to render shows a way out instead of a blank screen. */
export class PageErrorBoundary extends Component<{ children: ReactNode; title: string; action: string }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {this.props.action}
          </Button>
        }
      />
    );
  }
}
