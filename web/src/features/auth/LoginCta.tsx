/** The call to action on public data: "you see the public view — 登录 / Log in". */
import { Alert } from 'antd';
import { useI18n } from '../../i18n/context';
import { useLocation } from '../../router';
import { LinkButton } from '../common/LinkButton';
import { loginHref } from './apiFetch';

export function LoginCta({ text }: { text?: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const href = loginHref(location.path + (location.search.size ? `?${location.search.toString()}` : ''));
  return (
    <Alert
      type="info"
      showIcon
      className="sx-login-cta"
      title={text ?? t('anonymousCta')}
      action={
        <LinkButton type="primary" href={href}>
          {t('loginCta')}
        </LinkButton>
      }
    />
  );
}
