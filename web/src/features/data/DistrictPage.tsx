/**
 * `/data/district` (supervisors): the district's reporting by department — values on time, late
 * and missing after their deadline — filtered by state and year, each department's values one
 * click away, and 催报 that sends the department a message.
 */
import { App, Button, Input, Modal, Segmented, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DataDistrict } from '../../../../src/contracts/data';
import { formatPeriod } from '../../format';
import { useI18n } from '../../i18n/context';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { getDistrict, urge } from './dataApi';
import { errorWords } from './words';

type Dept = DataDistrict['departments'][number];
type Filter = 'all' | 'missing' | 'late' | 'on_time';

const stateColor: Record<string, string> = { missing: 'error', late: 'warning', on_time: 'success', pending: 'default' };
const deptKey = { missing: 'rpHasMissing', late: 'rpHasLate', on_time: 'rpAllOnTime' } as const;
const stateKey = { missing: 'rpMissing', late: 'rpLate', on_time: 'rpOnTime', pending: 'rpPending' } as const;

export function DistrictPage({ plan }: { plan: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [year, setYear] = useState<string | null>(null);
  const [urging, setUrging] = useState<Dept | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const state = useAsync((signal) => getDistrict(plan, year, signal), `${plan}|${year ?? ''}`);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, k) => String(thisYear - k));

  const send = async () => {
    if (!urging) return;
    setBusy(true);
    try {
      const r = await urge(plan, urging.department, note.trim() || null);
      void message.success(t('rpUrged', { name: i18n.pick(r.department_name, urging?.department_name_en), n: r.missing }));
      setUrging(null);
    } catch (e) {
      void message.error(errorWords(i18n, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('rpDistrictTitle')}</h1>
      <p className="sx-data-intro">{t('rpDistrictIntro')}</p>
      <div className="sx-data-filters">
        <span>{t('rpFilterState')}</span>
        <Segmented<Filter>
          aria-label={t('rpFilterState')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('rpAll') },
            { value: 'missing', label: t('rpHasMissing') },
            { value: 'late', label: t('rpHasLate') },
            { value: 'on_time', label: t('rpAllOnTime') },
          ]}
        />
        <Select<string>
          aria-label={t('rpYear')}
          style={{ width: 130 }}
          value={year ?? ''}
          onChange={(v) => setYear(v === '' ? null : v)}
          options={[{ value: '', label: t('rpAllYears') }, ...years.map((y) => ({ value: y, label: formatPeriod(y, lang) }))]}
        />
      </div>
      <Loaded state={state}>
        {(d) => {
          const rows = d.departments.filter((x) =>
            filter === 'all' ? true : filter === 'missing' ? x.missing > 0 : filter === 'late' ? x.late > 0 : x.state === 'on_time',
          );
          return (
            <Table<Dept>
              rowKey="department"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 640 }}
              expandable={{
                expandedRowRender: (x) => (
                  <ul className="sx-district-items">
                    {x.items
                      .filter((i) => i.state !== 'on_time')
                      .map((i) => (
                        <li key={`${i.indicator}|${i.period}`}>
                          <Tag color={stateColor[i.state]}>{t(stateKey[i.state])}</Tag>
                          {i.indicator_name} {formatPeriod(i.period, lang)} · {t('rpDueOn', { due: i.due })}
                          {i.arrived && ` · ${t('rpArrived', { at: i.arrived.slice(0, 10) })}`}
                        </li>
                      ))}
                  </ul>
                ),
                rowExpandable: (x) => x.items.some((i) => i.state !== 'on_time'),
              }}
              columns={[
                { title: t('rpDepartment'), render: (_, x) => i18n.pick(x.department_name, x.department_name_en) },
                { title: t('status'), render: (_, x) => <Tag color={stateColor[x.state]}>{t(deptKey[x.state])}</Tag> },
                { title: t('rpOnTime'), dataIndex: 'on_time', align: 'right' },
                { title: t('rpLate'), dataIndex: 'late', align: 'right' },
                { title: t('rpMissing'), dataIndex: 'missing', align: 'right' },
                { title: t('rpPending'), dataIndex: 'pending', align: 'right' },
                {
                  title: t('actions'),
                  render: (_, x) =>
                    x.missing > 0 || x.late > 0 ? (
                      <Button size="small" onClick={() => (setNote(''), setUrging(x))} aria-label={`${t('rpUrge')} ${i18n.pick(x.department_name, x.department_name_en)}`}>
                        {t('rpUrge')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          );
        }}
      </Loaded>
      <Modal
        open={urging !== null}
        title={urging ? t('rpUrgeTitle', { name: i18n.pick(urging.department_name, urging.department_name_en) }) : ''}
        okText={t('rpUrge')}
        cancelText={t('rpCancel')}
        confirmLoading={busy}
        onCancel={() => setUrging(null)}
        onOk={() => void send()}
      >
        <label htmlFor="sx-urge-note">{t('rpUrgeNote')}</label>
        <Input.TextArea id="sx-urge-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
