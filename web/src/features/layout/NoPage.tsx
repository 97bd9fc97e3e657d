/** A page that cannot be shown (not found, not allowed): why, in a heading and a hint, and the way back to the overview. */
import { Result } from 'antd';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';

export function NoPage(props: { status: '403' | '404'; title: string; hint: string }) {
  const { t } = useI18n();
  return (
    <Result
      status={props.status}
      title={<h1 className="sx-h1-plain">{props.title}</h1>}
      subTitle={props.hint}
      extra={<Link href="/">{t('backToOverview')}</Link>}
    />
  );
}
