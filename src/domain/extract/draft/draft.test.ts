import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { seedFile } from '../../../../test/fixtures';
import { formatPlanFile, parsePlanFile } from '../../plan-file';
import { displayUnit, documentYear, draftPlanFromText, outlineOf, planIdFrom, toDisplay } from './index';

const seed = readFileSync(seedFile, 'utf8');

describe('outlineOf', () => {
  it('reads the seed: title, six goal areas, twelve programmes with their actions', () => {
    const o = outlineOf(seed);
    assert.equal(o.title?.name, '深入学习贯彻党的二十大精神 奋力谱写新时代新征程新重庆渝中发展新篇章');
    assert.deepEqual(
      o.goalAreas.map((g) => g.name),
      [
        '经济实力显著提升',
        '科教实力显著提升',
        '城市综合实力显著提升',
        '生态文明建设水平显著提升',
        '社会治理水平显著提升',
        '人民生活水平显著提升',
      ],
    );
    assert.equal(o.programmes.length, 12);
    assert.deepEqual(
      o.programmes.map((p) => p.number),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    for (const p of o.programmes) assert.ok(p.actions.length >= 3, p.name);
    assert.equal(o.programmes[7]?.actions.length, 4);
    // Spans point at the text they name.
    for (const p of o.programmes) assert.ok(seed.slice(p.start, p.end).includes(p.name));
    assert.ok(o.reviewAreas.some((a) => a.name.startsWith('大力推进产业升级振兴')));
  });

  it('reads numbered items under a work-plan heading as programmes and bullets as actions', () => {
    const text =
      '# 2024年工作安排\n\n## 重点任务\n（一）加快建设现代化产业体系。力争新增企业40家。\n- 培育龙头企业\n- 壮大集群\n（二）持续扩大有效需求。\n';
    const o = outlineOf(text);
    assert.deepEqual(
      o.programmes.map((p) => [p.number, p.name, p.actions.map((a) => a.name)]),
      [
        [1, '加快建设现代化产业体系', ['培育龙头企业', '壮大集群']],
        [2, '持续扩大有效需求', []],
      ],
    );
  });
});

describe('draftPlanFromText', () => {
  const result = draftPlanFromText(seed, { documentName: 'yuzhong-plenary-2023.md' });
  assert.ok(result.ok);
  const { plan, links } = result.draft;

  it('drafts a valid plan with the header from the document', () => {
    const parsed = parsePlanFile(formatPlanFile(plan));
    assert.ok(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.problems));
    assert.deepEqual(plan.plan, {
      id: 'yuzhong-plenary-2023',
      title: '深入学习贯彻党的二十大精神 奋力谱写新时代新征程新重庆渝中发展新篇章',
      start: 2023,
      end: 2027,
      baseline_year: 2022,
      status: 'draft',
    });
  });

  it('proposes targets in display units with the right kinds', () => {
    const gdp = plan.targets.find((t) => t.text === '地区生产总值迈上 2100亿元台阶');
    assert.equal(gdp?.kind, 'level');
    assert.equal(gdp?.value, 2100);
    assert.equal(gdp?.year, 2027);
    assert.equal(plan.indicators.find((i) => i.id === gdp.indicator)?.unit, '亿元');
    const air = plan.targets.find((t) => t.kind === 'annual_floor' && t.value === 305);
    assert.deepEqual([air?.from, air?.to], [2023, 2027]);
    const jobs = plan.targets.find((t) => t.text === '新增就业4万人以上');
    assert.equal(jobs?.value, 4);
    assert.equal(plan.indicators.find((i) => i.id === jobs?.indicator)?.unit, '万人');
    assert.equal(plan.targets.find((t) => t.kind === 'growth_rate')?.value, 15);
    assert.equal(plan.targets.find((t) => t.text?.startsWith('人均'))?.value, 33);
  });

  it('reuses an indicator when a target and an achievement share a subject', () => {
    const air = plan.targets.find((t) => t.kind === 'annual_floor' && t.value === 305);
    const obs = plan.observations.find((o) => o.indicator === air?.indicator);
    assert.deepEqual([obs?.period, obs?.value], ['2022', 300]);
    assert.equal(obs?.source, 'yuzhong-plenary-2023.md');
  });

  it('links every proposed item to its span', () => {
    const ids = (kind: string) => links.filter((l) => l.kind === kind).map((l) => l.id);
    assert.deepEqual(
      ids('target'),
      plan.targets.map((t) => t.id),
    );
    assert.deepEqual(
      ids('indicator'),
      plan.indicators.map((i) => i.id),
    );
    assert.equal(ids('programme').length, 12);
    assert.equal(ids('goal_area').length, 6);
    assert.equal(ids('observation').length, plan.observations.length);
    const t1 = links.find((l) => l.id === 't-01');
    assert.ok(t1 && seed.slice(t1.start, t1.end).includes('2100亿元'));
    for (const o of plan.observations) assert.match(o.note ?? '', /来源：第\d+—\d+字/);
  });
});

describe('helpers', () => {
  it('chooses display units and converts exactly', () => {
    assert.equal(displayUnit('元', 2.1e11), '亿元');
    assert.equal(displayUnit('元', 330000), '万元');
    assert.equal(displayUnit('人', 66000), '万人');
    assert.equal(displayUnit('元/平方公里', 1e10), '亿元/平方公里');
    assert.equal(displayUnit('天', 305), '天');
    assert.equal(toDisplay(1.3e12, '元', '亿元'), 13000);
    assert.equal(toDisplay(66000, '人', '万人'), 6.6);
  });

  it('makes schema-safe plan ids and finds the document year', () => {
    assert.equal(planIdFrom('/tmp/Yuzhong Plenary (2023).docx'), 'yuzhong-plenary-2023');
    assert.equal(planIdFrom('渝中区规划.md'), 'draft-plan');
    assert.equal(documentYear('## 2024年工作安排\n', 'x.md'), 2024);
    assert.equal(documentYear('无年份', 'plan-2025.md'), 2025);
    assert.equal(documentYear('无年份', 'plan.md'), null);
    assert.equal(documentYear('无年份', 'plan.md', 2021), 2021);
  });
});

describe('a pasted paragraph of goals', () => {
  const text =
    '今后五年，全区地区生产总值年均增长6%以上，到2027年突破2000亿元；研发经费投入年均增长12%以上；每年新增城镇就业3万人以上；空气质量优良天数每年保持在300天以上。';
  it('dates itself from its span, proposes an id and a title, and turns no goal into an observation', () => {
    const result = draftPlanFromText(text, { documentName: 'document' });
    assert.ok(result.ok);
    const { plan } = result.draft.plan;
    assert.deepEqual(
      [plan.id, plan.start, plan.end, plan.baseline_year],
      ['plan-2023-2027', 2023, 2027, 2022],
    );
    assert.equal(plan.title, '规划草案（2023—2027年）');
    assert.equal(result.draft.plan.observations?.length ?? 0, 0);
    assert.equal(result.draft.plan.targets?.length, 5);
    assert.ok(result.draft.plan.targets?.every((t) => (t.year ?? t.to) === 2027));
  });
});
