/**
 * Small test-data factories: a test builds the plan its case needs (one indicator, one target, the
 * values that make the point) instead of leaning on the demo plan's literals, and reads responses
 * through the contract schemas, so a response that drifts from its contract fails the test.
 */
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { planSummarySchema, type PlanSummary } from '../../src/contracts/plans';
import type { PlanFileInput } from '../../src/domain/plan-file';
import type { Client } from '../server';

type Input = Required<PlanFileInput>;
type IndicatorInput = Input['indicators'][number];
type TargetInput = Input['targets'][number];
type ObservationInput = Input['observations'][number];

let sequence = 0;
const next = () => ++sequence;

/** An annual flow indicator in 亿元 that should rise, unless `over` says otherwise. */
export function indicator(over: Partial<IndicatorInput> = {}): IndicatorInput {
  const n = next();
  return {
    id: `ind-${n}`,
    name: `测试指标${n}`,
    unit: '亿元',
    direction: 'up',
    frequency: 'annual',
    measure: 'flow',
    ...over,
  };
}

/** Reach `value` by `year` (a level target), from the plan's baseline unless `over` gives one. */
export function levelTarget(
  of: IndicatorInput,
  value: number,
  year: number,
  over: Partial<TargetInput> = {},
): TargetInput {
  return { id: `t-${of.id}`, indicator: of.id, kind: 'level', value, year, ...over };
}

/** An accepted value, public from `published` (so "as known on D" counts it from then). */
export function observation(
  of: IndicatorInput,
  period: string,
  value: number,
  published = `${Number(period.slice(0, 4)) + 1}-01-31`,
): ObservationInput {
  return { indicator: of.id, period, value, published };
}

/** A plan file with only what the test gives; a 2023–2027 plan with baseline 2022 by default. */
export function planFile(parts: {
  id?: string;
  start?: number;
  end?: number;
  baselineYear?: number;
  indicators?: IndicatorInput[];
  targets?: TargetInput[];
  observations?: ObservationInput[];
}): PlanFileInput {
  const start = parts.start ?? 2023;
  return {
    plan: {
      id: parts.id ?? `plan-${next()}`,
      title: '测试规划',
      start,
      end: parts.end ?? start + 4,
      baseline_year: parts.baselineYear ?? start - 1,
    },
    indicators: parts.indicators ?? [],
    targets: parts.targets ?? [],
    observations: parts.observations ?? [],
  };
}

/** Creates the plan over HTTP (`POST /api/plans`) and returns its summary, read by the contract. */
export async function createPlan(client: Client, plan: PlanFileInput): Promise<PlanSummary> {
  return readAs(await client.send('POST', '/api/plans', { plan }), planSummarySchema, 201);
}

/** The response's JSON parsed by a contract schema, after checking its status. */
export async function readAs<S extends z.ZodType>(
  res: Response,
  schema: S,
  status = 200,
): Promise<z.infer<S>> {
  const text = await res.text();
  assert.equal(res.status, status, `${res.url}: ${text.slice(0, 400)}`);
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) assert.fail(`${res.url} does not match its contract: ${parsed.error.message}`);
  return parsed.data;
}
