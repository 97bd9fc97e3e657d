import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context';
import { problemText } from '../auth/problemMessage';
import type { AsyncState } from './useAsync';

/** The spinner with its word (also what shows while a page's code loads). */
export function Loading() {
  const { t } = useI18n();
  return (
    <div className="sx-loading" role="status">
      <Spin /> <span>{t('loading')}</span>
    </div>
  );
}

/** Spinner while loading, an error with a retry button, else the children. */
export function Loaded<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'error')
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        description={problemText(state.error)}
        action={<Button onClick={state.retry}>{t('retry')}</Button>}
      />
    );
  return <>{children(state.data)}</>;
}
