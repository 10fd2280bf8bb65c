// A line above the dashboard while a month's round is open: which month, when it is due, how complete it is ("6月已审核 12/229"), and the way to it.
import { Alert, Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAsync } from '../hooks/use-async.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { completenessText } from '../lib/calendar-view.ts';
import { roundApi } from '../lib/round-api.ts';
import { cstTime } from '../lib/round-view.ts';

export function RoundBanner() {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, user } = useSession();
  const navigate = useNavigate();
  const rounds = useAsync(() => roundApi.rounds(county.code), [county.code]);
  // Read fresh rather than from the session: approvals move the count while the page is open.
  const current = useAsync(() => roundApi.currentMonth(county.code), [county.code]);
  // Newest first: the open round of the latest month is the one to fill in.
  const open = rounds.data?.rounds.filter((r) => r.status === 'open') ?? [];
  if (open.length === 0) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
      {open.map((round) => {
        const time = `${cstTime(i18n, round.deadline)}${t('rounds.cst')}`;
        const complete = current.data?.openRounds.find((c) => c.roundId === round.id);
        return (
          <Alert
            key={round.id}
            type="info"
            showIcon
            message={
              complete
                ? t('dash.roundComplete', { month: i18n.month(round.month), time, label: completenessText(i18n, complete) })
                : t('dash.roundOpen', { month: i18n.month(round.month), time })
            }
            action={
              <Button size="small" type="primary" onClick={() => navigate(`/rounds/${encodeURIComponent(round.id)}`)}>
                {user.role === 'reporter' ? t('dash.roundGo') : t('dash.roundView')}
              </Button>
            }
          />
        );
      })}
    </Space>
  );
}
