/** `/extract`: import a plan from a document — input, review the draft, create (and publish) it. */
import { Steps, Typography } from 'antd';
import { useState } from 'react';
import type { ExtractResult } from '../../../../src/contracts/extract';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';
import { loginPage } from '../auth/RequireLogin';
import { DoneStep } from './DoneStep';
import { InputStep } from './InputStep';
import { ReviewStep } from './ReviewStep';
import './extract.css';

type Stage =
  { step: 'input' } | { step: 'review'; result: ExtractResult } | { step: 'done'; plan: PlanSummary };

function Extract() {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ step: 'input' });
  const current = stage.step === 'input' ? 0 : stage.step === 'review' ? 1 : 2;
  return (
    <div className="sx-extract">
      <Typography.Title level={1} className="sx-h1-plain">
        {t('exTitle')}
      </Typography.Title>
      <Typography.Paragraph className="sx-x-muted">{t('exIntro')}</Typography.Paragraph>
      <Steps
        current={current}
        size="small"
        className="sx-x-steps"
        items={[{ title: t('exStepInput') }, { title: t('exStepReview') }, { title: t('exStepDone') }]}
      />
      {stage.step === 'input' && <InputStep onResult={(result) => setStage({ step: 'review', result })} />}
      {stage.step === 'review' && (
        <ReviewStep
          result={stage.result}
          onBack={() => setStage({ step: 'input' })}
          onCreated={(plan) => setStage({ step: 'done', plan })}
        />
      )}
      {stage.step === 'done' && <DoneStep plan={stage.plan} onAnother={() => setStage({ step: 'input' })} />}
    </div>
  );
}

export default loginPage('plan:write', Extract);
