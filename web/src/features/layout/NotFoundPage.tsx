/** The 404 page (its own chunk: antd's Result is needed nowhere else on a first visit). */
import { Result } from 'antd';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<h1 className="sx-h1-plain">{t('notFound')}</h1>}
      subTitle={t('notFoundHint')}
      extra={<Link href="/">{t('backToOverview')}</Link>}
    />
  );
}
