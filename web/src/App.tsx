import { useEffect, useState } from 'react';
import type { PlanDetail } from '../../src/contracts/plans';

export function App() {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  useEffect(() => {
    void fetch('/api/plans/yuzhong-2023')
      .then((r) => r.json() as Promise<PlanDetail>)
      .then(setPlan);
  }, []);
  if (!plan) return <p>加载中…</p>;
  return (
    <main>
      <h1>{plan.plan.title}</h1>
      <ul>
        {plan.targets.map((t) => (
          <li key={t.id}>{t.text}</li>
        ))}
      </ul>
    </main>
  );
}
