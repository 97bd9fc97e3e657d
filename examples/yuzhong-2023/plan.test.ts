/**
 * The Yuzhong demo plan (written by hand from the 2023 plenary document and the published data):
 * it parses, it is in canonical form, and it keeps published and illustrative values apart.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatPlanFile, formatProblem, parsePlanFile, type PlanFile } from '../../src/domain/plan-file';

const file = new URL('./plan.yaml', import.meta.url);
const text = readFileSync(file, 'utf8');

function load(): PlanFile {
  const result = parsePlanFile(text);
  if (!result.ok) assert.fail(result.problems.map((p) => formatProblem('plan.yaml', p)).join('\n'));
  return result.plan;
}

void describe('examples/yuzhong-2023/plan.yaml', () => {
  void it('parses with no problems', () => {
    const result = parsePlanFile(text);
    assert.deepEqual(result.ok ? [] : result.problems, []);
  });

  void it('is in canonical form: format(parse(file)) is the file', () => {
    assert.equal(formatPlanFile(load()), text);
  });

  void it('has the plan header of the seed', () => {
    const { plan } = load();
    assert.equal(plan.id, 'yuzhong-2023');
    assert.equal(plan.title, '渝中区未来五年发展目标');
    assert.deepEqual([plan.start, plan.end, plan.baseline_year], [2023, 2027, 2022]);
    assert.equal(plan.status, 'published');
    assert.equal(plan.source?.title, '区委十三届二次全会精神解读');
  });

  void it('has the six goal areas and the twelve programmes, each with at least three actions', () => {
    const plan = load();
    assert.equal(plan.goal_areas.length, 6);
    assert.deepEqual(
      plan.programmes.map((p) => p.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    for (const p of plan.programmes)
      assert.ok(p.actions.length >= 3, `${p.id} has ${p.actions.length} actions`);
    assert.ok(plan.departments.length >= 15 && plan.departments.length <= 25);
  });

  void it('has the seven quantitative five-year targets with the seed values', () => {
    const plan = load();
    const target = (id: string) => {
      const t = plan.targets.find((x) => x.id === id);
      assert.ok(t, `target ${id}`);
      return t;
    };
    assert.deepEqual(
      [
        target('t-gdp').value,
        target('t-gdp-per-km2').value,
        target('t-gdp-per-capita').value,
        target('t-modern-services-share').value,
        target('t-rd').value,
        target('t-air').value,
      ],
      [2100, 100, 33, 75, 15, 305],
    );
    const jobs = target('t-jobs');
    const jobsUnit = plan.indicators.find((i) => i.id === jobs.indicator)?.unit;
    assert.ok(
      (jobsUnit === '万人' && jobs.value === 4) || (jobsUnit === '人' && jobs.value === 40000),
      `t-jobs is ${jobs.value} ${jobsUnit}`,
    );
    assert.equal(target('t-gdp-per-km2').indicator, 'gdp_per_km2');
    assert.equal(plan.indicators.find((i) => i.id === 'gdp_per_km2')?.formula, 'gdp / area_land');
    for (const t of plan.targets) assert.ok(t.goal_area, `${t.id} has a goal area`);
  });

  void it('marks every value that is neither published nor from the plenary document as illustrative', () => {
    const plan = load();
    const seed = plan.plan.source?.title;
    const unsourced = plan.observations.filter(
      (o) => o.source_url === undefined && o.source !== seed && o.illustrative !== true,
    );
    assert.deepEqual(unsourced, []);
    for (const o of plan.observations.filter((x) => x.illustrative)) {
      assert.equal(
        o.source_url,
        undefined,
        `${o.indicator} ${o.period} is illustrative yet has a source_url`,
      );
      assert.match(o.note ?? '', /示意数据，非公开发布/);
    }
  });

  void it('keeps the published GDP series, with no invented 2024 value', () => {
    const plan = load();
    const gdp = (period: string) =>
      plan.observations.filter((o) => o.indicator === 'gdp' && o.period === period && !o.alternate);
    assert.deepEqual(
      ['2022', '2023', '2025'].map((p) => gdp(p).map((o) => o.value)),
      [[1560.9], [1631.3], [1781.8]],
    );
    assert.deepEqual(gdp('2024'), []);
    assert.ok(plan.observations.filter((o) => o.indicator === 'gdp').every((o) => !o.illustrative));
  });

  void it('keeps the suspect aggregator figure only as an alternate', () => {
    const suspect = load().observations.filter((o) => o.note?.includes('SUSPECT'));
    assert.ok(suspect.length > 0);
    for (const o of suspect) assert.equal(o.alternate, true);
  });
});
