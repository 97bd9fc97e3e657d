/**
 * What if: an assumed average growth rate, or a value for a coming year, sent to the server's
 * engine (`POST …/what-if`), which answers with the target-year value, the status and the
 * probability it would give. Nothing is saved; nothing is computed here.
 */
import { type FormEvent, useId, useState } from 'react';
import type { WhatIfRequest, WhatIfResponse } from '../../../../src/contracts/cockpit';
import type { TargetView } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';
import { problemText } from '../auth/problemMessage';
import { postWhatIf } from '../cockpit/cockpitApi';
import { money, percent } from '../cockpit/numbers';
import { look } from '../status/statusLook';

type Mode = 'growth' | 'value';
const modes: [Mode, 'whatIfModeGrowth' | 'whatIfModeValue'][] = [
  ['growth', 'whatIfModeGrowth'],
  ['value', 'whatIfModeValue'],
];

export function WhatIfPanel(props: {
  plan: string;
  target: TargetView;
  unit: string;
  asOf: string | undefined;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const year = props.target.year ?? props.target.to ?? new Date().getFullYear() + 1;
  const [mode, setMode] = useState<Mode>('growth');
  const [growth, setGrowth] = useState('6');
  const [valueYear, setValueYear] = useState(String(year));
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WhatIfResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: WhatIfRequest =
      mode === 'growth' ? { growth: Number(growth) } : { year: Number(valueYear), value: Number(value) };
    setBusy(true);
    setError(null);
    try {
      setResult(await postWhatIf(props.plan, props.target.id, body, props.asOf));
    } catch (err) {
      setResult(null);
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const e = result?.evaluation;
  return (
    <form className="sx-whatif" onSubmit={(ev) => void submit(ev)} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="sx-ck-muted">
        {t('whatIfIntro')}
      </p>
      <fieldset className="sx-whatif-modes">
        <legend className="sx-sr-only">{t('whatIf')}</legend>
        {modes.map(([m, word]) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />{' '}
            {t(word)}
          </label>
        ))}
      </fieldset>
      <div className="sx-whatif-form">
        {mode === 'growth' ? (
          <NumberField label={t('whatIfGrowth')} step="0.1" value={growth} onChange={setGrowth} />
        ) : (
          <>
            <NumberField label={t('whatIfYear')} step="1" value={valueYear} onChange={setValueYear} />
            <NumberField
              label={t('whatIfValue', { unit: props.unit })}
              step="any"
              value={value}
              onChange={setValue}
            />
          </>
        )}
        <button type="submit" className="sx-whatif-go" disabled={busy}>
          {t('whatIf')}
        </button>
      </div>
      <div aria-live="polite">
        {error && <p className="sx-whatif-error">{t('whatIfNoResult', { reason: error })}</p>}
        {result && e && (
          <div className="sx-whatif-result" data-testid="whatif-result">
            <strong>{t('whatIfResultTitle')}</strong>{' '}
            {t('whatIfResult', {
              year: result.target_year,
              value: money(result.target_year_value, props.unit, lang),
              status: look[e.status][lang],
              p: e.projection ? percent(e.projection.probability) : '—',
            })}
            <div className="sx-ck-muted">
              {result.path.map((p) => `${p.period}: ${money(p.value, props.unit, lang)}`).join('；')}
            </div>
            <div className="sx-ck-muted">{e.explanation[lang] || e.explanation.zh}</div>
          </div>
        )}
      </div>
    </form>
  );
}

/** A required number with its label (the form's own input: its value stays text until sent). */
function NumberField(props: {
  label: string;
  step: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        step={props.step}
        required
        value={props.value}
        onChange={(ev) => props.onChange(ev.target.value)}
      />
    </label>
  );
}
