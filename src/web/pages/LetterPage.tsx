// 督办函 as printed: A4 with the margins of GB/T 9704 (37/35/28/26 mm), title in 2号 bold serif, body in 3号 仿宋, number
// under the title, addressee, the paragraphs drawn from the item, signer and date; the app's frame is left off paper.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { LoadError, PageSkeleton } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useI18n } from '../i18n.tsx';
import { supervisionApi } from '../lib/supervision-api.ts';

export function LetterPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { link } = useAsOf();
  const state = useAsync(() => supervisionApi.letter(id), [id]);
  const letter = state.data;
  useDocumentTitle(letter ? `${t('sv.event.letter')} ${letter.number}` : t('sv.event.letter'));
  if (state.error && !letter) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!letter) return <PageSkeleton />;
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 12 }} wrap>
        <Link to={link(`/items/${letter.itemId}`)}>
          <ArrowLeftOutlined /> {t('letter.back')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('letter.print')}
        </Button>
      </Space>
      <article className="official-letter" aria-label={letter.title}>
        <h1 className="official-letter-title">{letter.title}</h1>
        <div className="official-letter-number">{letter.number}</div>
        <p className="official-letter-addressee">{letter.addressee}</p>
        {letter.paragraphs.map((p) => (
          <p key={p} className="official-letter-paragraph">
            {p}
          </p>
        ))}
        <div className="official-letter-signature">
          <div>{letter.signer}</div>
          <div>{letter.date}</div>
        </div>
      </article>
    </>
  );
}
