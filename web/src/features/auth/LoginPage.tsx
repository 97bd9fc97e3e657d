/** `/login`: user name and password (and single sign-on when configured), then back to `next`. */
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Me, OidcConfig } from '../../../../src/contracts/auth';
import { landingFor } from '../data/landing';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';
import { navigate, useLocation } from '../../router';
import { apiFetch, ProblemError } from './apiFetch';
import { problemText } from './problemMessage';
import { useSession } from './SessionContext';

/** Only a path of this site: no `//host`, no scheme. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/login') ? '/' : next;
}

function useSsoEnabled(): boolean {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    apiFetch<OidcConfig>('/api/auth/oidc/config', { signal: controller.signal }).then(
      (r) => setEnabled(r.enabled === true),
      () => setEnabled(false), // unreachable: no button
    );
    return () => controller.abort();
  }, []);
  return enabled;
}

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const next = safeNext(location.search.get('next'));
  const sso = useSsoEnabled();
  const [error, setError] = useState<string | null>(
    location.search.get('error') === 'sso' ? t('ssoFailed') : null,
  );
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    document.title = `${t('loginTitle')} · ${t('brand')} ${t('brandEn')}`;
  }, [t]);

  const wait = (seconds: number) =>
    seconds < 60 ? t('seconds', { n: seconds }) : t('minutes', { n: Math.ceil(seconds / 60) });

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await apiFetch<Me>('/api/auth/login', { method: 'POST', body: values });
      session.signedIn(me);
      // Reporters and heads land on their work unless a page sent them here.
      navigate(next === '/' ? landingFor(me.user?.roles) : next);
    } catch (e) {
      if (e instanceof ProblemError && e.status === 401) setError(t('loginFailed'));
      else if (e instanceof ProblemError && e.status === 429)
        setError(e.retryAfter ? t('loginLocked', { wait: wait(e.retryAfter) }) : t('loginLockedNoWait'));
      else setError(problemText(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sx-login">
      <Card className="sx-login-card">
        <Typography.Title level={1} className="sx-login-title">
          {t('loginTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('loginIntro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className="sx-login-error" role="alert" />}
        <Form<Values>
          form={form}
          layout="vertical"
          name="login"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
          disabled={busy}
        >
          <RequiredItem label={t('username')} name="username">
            <Input autoComplete="username" autoFocus size="large" />
          </RequiredItem>
          <RequiredItem label={t('password')} name="password">
            <Input.Password autoComplete="current-password" size="large" />
          </RequiredItem>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('loginSubmit')}
          </Button>
        </Form>
        {sso && (
          <>
            <Divider plain>{t('or')}</Divider>
            <Button block size="large" href="/api/auth/oidc/login">
              {t('ssoLogin')}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
