/** The 404 page (its own chunk: antd's Result is needed nowhere else on a first visit). */
import { useI18n } from '../../i18n/context';
import { NoPage } from './NoPage';

export default function NotFoundPage() {
  const { t } = useI18n();
  return <NoPage status="404" title={t('notFound')} hint={t('notFoundHint')} />;
}
