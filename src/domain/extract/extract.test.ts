import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc, table, words } from '../test-support';
import { extractStatements, type Statement } from './index';

type Fact = [number, string, Statement['kind'], Statement['qualifier']];

/** One case a line: `input | value unit kind qualifier; …` (nothing after `|` when no facts). */
function facts(strings: TemplateStringsArray): [string, Fact[]][] {
  return table(strings).map(([input = '', list = '']) => [
    input,
    list
      .split(';')
      .filter((fact) => fact.trim() !== '')
      .map((fact) => {
        const [value, unit = '', kind, qualifier] = words(fact);
        if (words(fact).length !== 4) throw new Error(`a fact has four words: ${fact}`);
        return [Number(value), unit, kind as Statement['kind'], qualifier as Statement['qualifier']];
      }),
  ]);
}

/** Each input must yield exactly the listed (value, unit, kind, qualifier) facts. */
function check(rows: [string, Fact[]][]): void {
  for (const [input, want] of rows) {
    const got = extractStatements(input, { year: 2024 }).map((s) => [s.value, s.unit, s.kind, s.qualifier]);
    assert.deepEqual(got, want, input);
  }
}

/** Each input must yield facts of exactly these periods: `achievement` or `target:<year>`, in order. */
function checkPeriods(rows: [string, string][]): void {
  for (const [input, periods] of rows) {
    const want = words(periods).map((w) =>
      w === 'achievement' ? [w, null] : ['target', Number(w.slice(7))],
    );
    const got = extractStatements(input).map((x) => [x.period, x.target_year]);
    assert.deepEqual(got, want, input);
  }
}

test('values, magnitude words and units', () => {
  check(facts`
    存贷款余额近 **1.3万亿元** | 1300000000000 元 level near
    实施 **356万**平方米老旧小区改造提升 | 3560000 平方米 level exact
    常住人口40.8万人 | 408000 人 count exact
    总投资2千万元 | 20000000 元 level exact
    软件企业突破两千五百家 | 2500 家 count exceeded
    新增光伏装机45万千瓦 | 450000 千瓦 level exact
    实际利用外资3.2亿美元 | 320000000 美元 level exact
    地均生产总值突破 **100亿元** | 10000000000 元/平方公里 level exceeded
    房价控制在1.2万元/平方米以内 | 12000 元/平方米 level at_most
    建成各类公园百余个 | 100 个 count exceeded
    全市常住人口达到1400万 | 14000000 人 count exact
    存款余额达到1.2万亿 | 1200000000000 元 level exact
    三次产业结构调整为2.1:38.6:59.3 | 2.1 % share exact; 38.6 % share exact; 59.3 % share exact
  `);
});

test('percentages, points, fractions, multiples', () => {
  check(facts`
    地区生产总值增长6.2% | 6.2 % growth_rate exact
    比重提高1.3个百分点 | 1.3 pp growth_rate exact
    城镇化率提高到75% | 75 % share exact
    回收利用率达到百分之四十 | 40 % share exact
    民生支出占比超过三成 | 30 % share exceeded
    驻区世界500强企业占全市近 **1/2** | 50 % share near
    占比接近一半 | 50 % share near
    进出口占比提高到三分之二 | 66.67 % share exact
    技术合同成交额是2020年的2.3倍 | 2.3 倍 ratio exact
    产值实现翻一番 | 2 倍 ratio exact
    收入较2016年翻了一番 | 2 倍 ratio exact
    比重保持在75%以上 | 75 % annual_floor at_least
    投资增长5%—6% | 5 % growth_rate at_least
    投资增长5-6% | 5 % growth_rate at_least
  `);
});

test('qualifiers before and after the number', () => {
  check(facts`
    人均地区生产总值达到 **33万元左右** | 330000 元 level approx
    收入约12亿元 | 1200000000 元 level approx
    满意度保持 **97%**以上 | 97 % share at_least
    新引进企业不少于80家 | 80 家 count at_least
    失业率控制在5.5%以内 | 5.5 % share at_most
    浓度不超过30微克/立方米 | 30 微克/立方米 level at_most
    新设企业逾80家 | 80 家 count exceeded
    服务业扩大开放等 **20**余项国家级改革试点 | 20 项 count exceeded
    地区生产总值迈上 **2100亿元**台阶 | 210000000000 元 level at_least
    突破千亿大关 | 100000000000 元 level exceeded
    A、B分别增长5%、6%以上 | 5 % growth_rate at_least; 6 % growth_rate at_least
  `);
});

test('ranks, streaks and shared subjects', () => {
  check(facts`
    金融业增加值、保费收入、跨境结算量全市第一 | 1 名 rank exact; 1 名 rank exact; 1 名 rank exact
    位居全国沿海港口第九位 | 9 名 rank exact
    连续 **11年**保持全国文明城区称号 | 11 年 streak exact
    空气质量优良天数连续4年达 **300天**以上 | 4 年 streak exact; 300 天 annual_floor at_least
    社零总额连续三年居全市第二 | 3 年 streak exact; 2 名 rank exact
    养老保险、医疗保险参保率超 **96%** | 96 % share exceeded; 96 % share exceeded
    每年新增就业4万人以上 | 40000 人 annual_floor at_least
  `);
});

test('things that are not values', () => {
  check(facts`
    深入学习贯彻党的二十大和市第六次党代会精神 |
    区委十三届二次全会精神解读 |
    大力推进“七新”，深入推动“八大人人生关怀行动”，“五长制” |
    全域融入“一区两群”协调发展 |
    首批零碳5G+智能银行挂牌营业 |
    万元GDP碳排放量居全国“最优”序列，居全市前列 |
    2023年1—11月，“十四五”规划实施 |
    第一产业、第三产业和第一季度 |
    1 大力推进产业升级振兴 |
    引进亿元以上项目 |
    坚持五位一体总体布局，实现两个一百年奋斗目标 |
  `);
});

test('subjects: abbreviations, elliptical growth, 分别 pairs', () => {
  const s = extractStatements(
    '全区社零总额保持全市第一。地区生产总值1500亿元，增长6.7%。城乡居民人均可支配收入分别达到52680元和24310元。',
    { year: 2024 },
  );
  assert.equal(s[0]?.subject, '社会消费品零售总额全市排名');
  assert.equal(s[2]?.subject, '地区生产总值增速');
  assert.deepEqual(
    s.slice(3).map((x) => x.value),
    [52680, 24310],
  );
});

test('period and target year', () => {
  const text = doc`
    一、2023年工作回顾
    地区生产总值增长6.2%。
    二、2024年工作安排
    地区生产总值增长6%左右。到2027年，研发投入强度达到3%。
    未来五年目标
    每年新增就业4万人以上。
  `;
  const s = extractStatements(text);
  assert.deepEqual(
    s.map((x) => [x.period, x.target_year]),
    [
      ['achievement', null],
      ['target', 2024],
      ['target', 2027],
      ['target', 2028],
    ],
  );
  assert.equal(s[3]?.horizon, '未来五年');
});

test('held-out error classes: ages, fractional years, digit-count words, held levels in streaks', () => {
  check(facts`
    人均预期寿命提高到 **78.6岁** | 78.6 岁 level exact
    人均预期寿命达到80岁以上 | 80 岁 level at_least
    劳动年龄人口平均受教育年限 **11.8年** | 11.8 年 level exact
    每千人口拥有3岁以下婴幼儿托位数4.1个 | 4.1 个 level exact
    60岁以上老年人健康管理率达到75% | 75 % share exact
    用3年时间完成改造 |
    工业投资增长15.8%，连续三年保持两位数增长 | 15.8 % growth_rate exact; 3 年 streak exact
    水质优良比例连续五年保持100% | 5 年 streak exact; 100 % annual_floor exact
    粮食总产量连续八年稳定在280万吨以上 | 8 年 streak exact; 2800000 吨 annual_floor at_least
  `);
});

test('period in reviews: progress headings, from–to pairs, targets of the reviewed year', () => {
  checkPeriods([
    // 推进情况 is a review heading even though 重点工作 names work to do.
    ['二、2025年计划草案\n（二）重点工作推进情况\n新增规上工业企业27家。', 'achievement'],
    // 增加到2025年的 names the year of a level reached, not a deadline.
    ['回望“十四五”\n地区生产总值从2020年的3860亿元增加到2025年的5320亿元', 'achievement achievement'],
    // A target of the reviewed year stated in the review; results against it stay results.
    [
      '一、2024年计划执行情况\n地区生产总值：年度目标增长6.5%，预计全年增长5.6%。\n一般公共预算收入：年初预算31.5亿元，完成年度预算的94.6%。\n规上工业增加值增长8.3%，高于年度目标0.3个百分点。\n二、2025年计划草案\n地区生产总值增长5.5%左右。',
      'target:2024 achievement target:2024 achievement achievement achievement target:2025',
    ],
    [
      '全市地区生产总值完成3215亿元，比上年增长5.8%，高于年初预期目标0.3个百分点。',
      'achievement achievement achievement',
    ],
  ]);
});

test('spans point into the raw text and keep Markdown markers', () => {
  const text = '- 软件企业突破 **2500家**，渝中纳入试点';
  const [s] = extractStatements(text);
  assert.ok(s);
  assert.equal(text.slice(s.start, s.end), s.text);
  assert.equal(s.text, '软件企业突破 **2500家**');
});

// Its speed is measured by `npm run bench -- extract`, beside a baseline of the same run.
test('a 200,000-character document extracts every repeated figure', () => {
  const para =
    '全年实现地区生产总值1486.5亿元，增长6.2%，增速高于全市1.1个百分点。规上工业增加值、固定资产投资分别增长7.8%、5.5%。社零总额连续三年居全市第二。\n';
  const text = para.repeat(Math.ceil(200000 / para.length));
  const s = extractStatements(text, { year: 2024 });
  assert.equal(s.length, 7 * Math.ceil(200000 / para.length));
});

test('period from the document structure: goals announced once, reviews of a year, spans in titles', () => {
  checkPeriods([
    // An opening sentence announces the span; the goals listed after it have no marker of their own.
    [
      '今后五年，全区地区生产总值年均增长6%以上，到2027年突破2000亿元；研发经费投入年均增长12%以上；每年新增城镇就业3万人以上；空气质量优良天数每年保持在300天以上。',
      'target:2027 target:2027 target:2027 target:2027 target:2027',
    ],
    // The title names the plan (第十五个五年规划), a heading announces the goals: all due 2030.
    [
      '东川区国民经济和社会发展第十五个五年规划纲要\n今后五年经济社会发展的主要目标是：\n经济实力迈上新台阶。地区生产总值年均增长6%左右，人均地区生产总值达到12万元。\n民生福祉持续改善。每年新增城镇就业2万人以上。',
      'target:2030 target:2030 target:2030',
    ],
    // A plan's indicator list under its title only.
    [
      '南城区“十五五”规划主要指标\n经济发展：地区生产总值年均增长5.5%左右。\n科技创新：全社会研发经费投入强度达到3%。',
      'target:2030 target:2030',
    ],
    // The review of a finished year: sentences that open with that year report its results.
    [
      '2025年全区经济社会发展情况\n2025年，全区实现地区生产总值1520亿元，增长5.6%。\n全年新增城镇就业2.3万人。',
      'achievement achievement achievement',
    ],
    // Even under a heading of work to do, 2025年，… reports 2025 in a 2026 document.
    [
      '2026年主要目标任务\n2025年，全区地区生产总值增长5.5%。\n地区生产总值增长6%左右。',
      'achievement target:2026',
    ],
    // 今年以来 and 今年1—10月 report results; 今年 alone names the year planned.
    [
      '2026年工作安排\n今年以来，全区固定资产投资增长8.2%。今年1—10月，社会消费品零售总额增长6.1%。今年地区生产总值增长6%左右。',
      'achievement achievement target:2026',
    ],
  ]);
});
