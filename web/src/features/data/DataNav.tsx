/** The tabs of the data pages: reporting, review, upload (each shown when the user may use it). */
import { useI18n } from '../../i18n/context';
import { useSession } from '../auth/SessionContext';
import { type Tab, TabNav } from '../common/TabNav';

export type DataView = 'entry' | 'review' | 'upload' | 'history' | 'district';

export function DataNav({ view }: { view: DataView }) {
  const { t } = useI18n();
  const session = useSession();
  const tabs: Tab<DataView>[] = [
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
  return <TabNav label={t('navData')} tabs={tabs} current={view} tabClass="sx-data-tab" />;
}
