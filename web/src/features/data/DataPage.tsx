/** `/data/…`: login guard, the data tabs, then the view (entry, review, history, upload). */
import { lazy } from 'react';
import { ViewSwitch } from '../common/ViewSwitch';
import { PlanPage } from '../plan/PlanPage';
import { DataNav, type DataView } from './DataNav';
import './data.css';

// Each view its own chunk: reporting a value should not download the upload and review tools.
const EntryPage = lazy(() => import('./EntryPage').then((m) => ({ default: m.EntryPage })));
const HistoryPage = lazy(() => import('./HistoryPage').then((m) => ({ default: m.HistoryPage })));
const ReviewPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPage })));
const DistrictPage = lazy(() => import('./DistrictPage').then((m) => ({ default: m.DistrictPage })));
const UploadPage = lazy(() => import('./UploadPage').then((m) => ({ default: m.UploadPage })));

export default function DataPage({ view, indicator, period }: { view: DataView; indicator?: string; period?: string }) {
  return (
    <PlanPage permission="data:read" className="sx-data-page" nav={<DataNav view={view} />}>
      {(data) => {
        const code = data.detail.plan.id;
        return (
          <ViewSwitch
            view={view}
            views={{
              entry: <EntryPage plan={code} />,
              review: <ReviewPage plan={code} />,
              district: <DistrictPage plan={code} />,
              upload: <UploadPage plan={code} />,
              history: <HistoryPage plan={code} indicator={indicator ?? ''} period={period ?? ''} />,
            }}
          />
        );
      }}
    </PlanPage>
  );
}
