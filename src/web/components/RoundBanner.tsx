// A line above the dashboard while a month's round is open: which month, when it is due, and the way to it.
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAsync } from '../hooks/use-async.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { roundApi } from '../lib/round-api.ts';
import { cstTime } from '../lib/round-view.ts';

export function RoundBanner() {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, user } = useSession();
  const navigate = useNavigate();
  const rounds = useAsync(() => roundApi.rounds(county.code), [county.code]);
  // Newest first: the open round of the latest month is the one to fill in.
  const open = rounds.data?.rounds.find((r) => r.status === 'open');
  if (!open) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('dash.roundOpen', { month: i18n.month(open.month), time: `${cstTime(i18n, open.deadline)}${t('rounds.cst')}` })}
      action={
        <Button size="small" type="primary" onClick={() => navigate(`/rounds/${encodeURIComponent(open.id)}`)}>
          {user.role === 'reporter' ? t('dash.roundGo') : t('dash.roundView')}
        </Button>
      }
    />
  );
}
