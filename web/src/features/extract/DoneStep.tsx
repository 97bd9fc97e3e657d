/** Step 3: the draft plan exists; publish it, open it, or import another document. */
import { App, Button, Result } from 'antd';
import { useState } from 'react';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { showProblem } from '../auth/problemMessage';
import { LinkButton } from '../common/LinkButton';
import { publishPlan } from './extractApi';

export function DoneStep({ plan, onAnother }: { plan: PlanSummary; onAnother: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [published, setPublished] = useState(plan.status === 'published');
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await publishPlan(plan.id);
      setPublished(true);
    } catch (e) {
      showProblem(message, e);
    } finally {
      setBusy(false);
    }
  };
  const href = `/plans/${encodeURIComponent(plan.id)}`;
  return (
    <Result
      status="success"
      title={<h2 className="sx-x-h2">{t(published ? 'exPublished' : 'exCreated')}</h2>}
      subTitle={
        published
          ? t('exPublishedSub', { title: plan.title })
          : t('exCreatedSub', { title: plan.title, id: plan.id })
      }
      extra={[
        !published && (
          <Button key="publish" type="primary" loading={busy} onClick={() => void publish()}>
            {t('exPublish')}
          </Button>
        ),
        <LinkButton key="plan" href={href}>
          {t('exOpenPlan')}
        </LinkButton>,
        <Link key="home" href="/" className="sx-x-linkbtn">
          {t('exHome')}
        </Link>,
        <Button key="again" type="link" onClick={onAnother}>
          {t('exAnother')}
        </Button>,
      ]}
    />
  );
}
