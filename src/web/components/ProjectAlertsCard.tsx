// A project's alerts as of the month, its supervision items, its planned start month (for 计划开工未开工), and a way to
// raise a problem about it.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { supervisionApi } from '../lib/supervision-api.ts';
import { LIGHT_TAGS, ruleLabel } from '../lib/supervision-view.ts';
import { ItemCreateModal } from './ItemForms.tsx';
import { ItemList } from './ItemList.tsx';

export function ProjectAlertsCard({ projectId, newStart }: { projectId: string; newStart: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, user } = useSession();
  const { asOf, link } = useAsOf();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [raising, setRaising] = useState(false);
  const state = useAsync(() => supervisionApi.projectAlerts(projectId, asOf), [projectId, asOf]);
  const data = state.data;
  const year = Number(asOf.slice(0, 4));
  const setPlan = async (month: string | null) => {
    try {
      await supervisionApi.setStartPlan(projectId, year, month);
      state.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(e.message);
    }
  };
  return (
    <Card
      size="small"
      title={t('pa.title')}
      extra={
        user.role !== 'viewer' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
            {t('pa.raise')}
          </Button>
        )
      }
    >
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.alerts.length === 0 ? (
            <Typography.Text type="secondary">{t('pa.none', { day: data.day })}</Typography.Text>
          ) : (
            <ul className="problem-list" style={{ margin: 0 }}>
              {data.alerts.map((a) => (
                <li key={a.rule}>
                  <Tag color={LIGHT_TAGS[a.level]}>{ruleLabel(i18n, a.rule)}</Tag>
                  <span className="alert-reason">{a.reason}</span>
                </li>
              ))}
            </ul>
          )}
          {newStart && (
            <Space wrap>
              <Typography.Text type="secondary">{t('pa.plannedStart')}</Typography.Text>
              {data.canEdit ? (
                <DatePicker
                  picker="month"
                  value={data.plannedStart ? dayjs(`${data.plannedStart}-01`) : null}
                  onChange={(d) => void setPlan(d ? d.format('YYYY-MM') : null)}
                  disabledDate={(d) => d.year() !== year}
                  placeholder={t('pa.noPlan')}
                  aria-label={t('pa.plannedStart')}
                />
              ) : (
                <span>{data.plannedStart ? i18n.month(data.plannedStart) : t('pa.noPlan')}</span>
              )}
            </Space>
          )}
          {data.items.length > 0 && (
            <>
              <Typography.Text strong>{t('pa.items')}</Typography.Text>
              <ItemList items={data.items} />
            </>
          )}
        </Space>
      )}
      {raising && (
        <ItemCreateModal
          region={county.code}
          projectId={projectId}
          onClose={() => setRaising(false)}
          onDone={(d) => {
            setRaising(false);
            navigate(link(`/items/${d.item.id}`));
          }}
        />
      )}
    </Card>
  );
}
