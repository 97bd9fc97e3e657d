/** The city cockpit's reads. */
import type { Ranks, RollupResult } from '../../../../src/contracts/city';
import type { CityOverview, DistrictStatus } from '../../../../src/contracts/cityview';
import { apiFetch } from '../auth/apiFetch';

const enc = encodeURIComponent;
const opts = (signal: AbortSignal) => ({ signal, requireLogin: true });

export const getOverview = (signal: AbortSignal) =>
  apiFetch<CityOverview>('/api/city/overview', opts(signal));

export const getDistrict = (slug: string, signal: AbortSignal) =>
  apiFetch<DistrictStatus>(`/api/city/districts/${enc(slug)}`, opts(signal));

export const getRanks = (indicator: string, signal: AbortSignal) =>
  apiFetch<Ranks>(`/api/city/ranks?indicator=${enc(indicator)}`, opts(signal));

export const getRollup = (indicator: string, signal: AbortSignal) =>
  apiFetch<RollupResult>(`/api/city/rollup?indicator=${enc(indicator)}`, opts(signal));
