// One project's report as a reporter's card on a phone: name, status, the month's figure in 万元, the pre-filled hint and a return's reason; the whole card opens the form.
import { PaperClipOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Figure } from './common.tsx';
import { useI18n } from '../i18n.tsx';
import type { RoundReport } from '../lib/round-api.ts';
import { reportStatusLabel, REPORT_STATUS_COLOURS, wanExact } from '../lib/round-view.ts';

export function ReportCard({ report }: { report: RoundReport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const month = report.figures?.month ?? report.completedMonth;
  return (
    <Link to={`/reports/${encodeURIComponent(report.id)}`} style={{ display: 'block', color: 'inherit' }}>
      <Card size="small" hoverable styles={{ body: { display: 'flex', alignItems: 'center', gap: 8 } }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {report.projectName}
          </Typography.Text>
          <Space size={[6, 4]} wrap style={{ marginTop: 6 }}>
            <Tag color={REPORT_STATUS_COLOURS[report.status]} style={{ marginInlineEnd: 0 }}>
              {reportStatusLabel(i18n, report.status)}
            </Tag>
            {report.prefilled && (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('report.prefilled')}
              </Tag>
            )}
            {report.attachmentCount > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <PaperClipOutlined /> {t('report.attachments', { n: report.attachmentCount })}
              </Typography.Text>
            )}
          </Space>
          <div style={{ marginTop: 6 }}>
            <Figure label={t('report.figMonth')} value={month === null ? <Typography.Text type="warning">{t('report.notFilled')}</Typography.Text> : wanExact(month, i18n)} />
          </div>
          {report.status === 'returned' && report.returnReason && (
            <Typography.Text type="danger" style={{ display: 'block', marginTop: 4, overflowWrap: 'anywhere' }}>
              {t('report.returned', { reason: report.returnReason })}
            </Typography.Text>
          )}
        </div>
        <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
      </Card>
    </Link>
  );
}
