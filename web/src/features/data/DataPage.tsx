/** `/data/…`: login guard, the data tabs, then the view (entry, review, history, upload). */
import { RequireLogin } from '../auth/RequireLogin';
import { Loaded } from '../common/Loading';
import { usePlan } from '../plan/PlanContext';
import { DataNav, type DataView } from './DataNav';
import { EntryPage } from './EntryPage';
import { HistoryPage } from './HistoryPage';
import { ReviewPage } from './ReviewPage';
import { UploadPage } from './UploadPage';
import './data.css';

export default function DataPage({ view, indicator, period }: { view: DataView; indicator?: string; period?: string }) {
  const plan = usePlan();
  return (
    <RequireLogin permission="data:read">
      <div className="sx-data-page">
        <DataNav view={view} />
        <Loaded state={plan}>
          {(data) => {
            const code = data.detail.plan.id;
            if (view === 'review') return <ReviewPage plan={code} />;
            if (view === 'upload') return <UploadPage plan={code} />;
            if (view === 'history') return <HistoryPage plan={code} indicator={indicator ?? ''} period={period ?? ''} />;
            return <EntryPage plan={code} />;
          }}
        </Loaded>
      </div>
    </RequireLogin>
  );
}
