/** The tabs of the data pages: reporting, review, upload (each shown when the user may use it). */
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { useSession } from '../auth/SessionContext';

export type DataView = 'entry' | 'review' | 'upload' | 'history' | 'district';

export function DataNav({ view }: { view: DataView }) {
  const { t } = useI18n();
  const session = useSession();
  const tabs = [
    { key: 'entry', href: '/data', label: t('dataEntry'), show: true },
    {
      key: 'review',
      href: '/data/review',
      label: t('dataReview'),
      show: session.can('data:approve') || session.can('data:accept'),
    },
    { key: 'upload', href: '/data/upload', label: t('dataUpload'), show: session.can('data:write') },
    { key: 'district', href: '/data/district', label: t('navDistrict'), show: session.can('data:accept') },
  ];
  return (
    <nav className="sx-data-tabs" aria-label={t('navData')}>
      {tabs
        .filter((x) => x.show)
        .map((x) => (
          <Link
            key={x.key}
            href={x.href}
            className={x.key === view ? 'sx-data-tab sx-data-tab-active' : 'sx-data-tab'}
            aria-current={x.key === view ? 'page' : undefined}
          >
            {x.label}
          </Link>
        ))}
    </nav>
  );
}
