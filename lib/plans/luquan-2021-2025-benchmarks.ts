/**
 * What 鹿泉区科技创新“十四五”规划 itself says about where the district stands: reference values against the
 * city (石家庄) and the province (河北), the county evaluation ranks, the supplementary series it argues
 * with (监测指标: figures and benchmarks, no target, no status; apart from 表1) and the figures it states
 * for 2015 and 2020 (十三五 history). Transcribed from the plan text, a copy of which is kept at
 * docs/sources/luquan-sti-plan-2021-2025.txt (byte-identical to ../shared/plan/…; the scrape renders
 * every 、 as "." and uses ASCII commas). tests/unit/plans/benchmarks-transcription.test.ts proves each
 * `source` is a verbatim substring of that text under its `section` heading, each `stated` occurs in its
 * `source`, and each `value` is the number `stated` says.
 *
 * Rules followed:
 * - Only what the text states. A stated ratio stays a stated ratio ("是全省最高值的25.59%" is stored as
 *   25.59 %, never as a reconstructed maximum); a stated gap stays a gap beside the stated best
 *   ("比全省最高值258家.1043家低30家.206家" → best 258 and 1043 AND gaps 30 and 206).
 * - Year: 2020 unless the text gives another (面临的挑战 speaks of 2020 throughout: "截至2020年底", "2020年").
 * - Values are decimal strings as written, so they reach the database exactly.
 *
 * Garbled in the scraped text, NOT transcribed (nothing stored for it):
 * - 面临的挑战 三: "距全市.全省最高三4.59件" (每万人口高价值发明专利拥有量, 表1 row 11). Whether "三4.59"
 *   is one value for both the city's and the province's best, a gap, or a mangled "值…" cannot be told,
 *   so neither a best value nor a gap is recorded. The ranks in the same sentence (全市第6位, 全省第18位)
 *   are clean and are recorded.
 *
 * Stated in the text but deliberately not recorded (judgment calls):
 * - Qualitative standings without a figure: "居于全省先进水平", "位居全省领跑地位", "继续保持全省领先地位",
 *   "建成全省第一个人才服务管理平台", "全省首批七个创新型县(市.区)建设试点之一".
 * - Figures without a year or period a yearly record could hold: 5462名本科及以上学历人才, 军民两用技术64755项,
 *   新增军民融合企业38家, 19家企业入选全省首批千家领军企业, the 县域科技创新中心's totals (1500余项, 1000余人,
 *   223项, 6项, 6968万元, 25.5亿元).
 * - Period totals 2016–2020 (河北省科技进步一等奖3项.二等奖1项.三等奖4项, 技术发明二等奖2项): not yearly figures.
 */
import type { BenchmarkKind } from '../progress/benchmarks';
import type { IndicatorKind } from '../progress/types';

export const PLAN_TEXT_PATH = 'docs/sources/luquan-sti-plan-2021-2025.txt';

// ---------------------------------------------------------------------------------------------------
// Supplementary series (监测指标)

export type SupplementarySeriesKey =
  | 'fiscalStiSpending'
  | 'fiscalStiShareOfPublicSpending'
  | 'industrialRdShareOfRevenue'
  | 'techSmesPerThousandFirms'
  | 'provincialRdPlatforms'
  | 'provincialStartupServiceAgencies'
  | 'provincialIncubators'
  | 'nationalIncubators'
  | 'provincialMakerSpaces'
  | 'nationalMakerSpaces';

export interface SupplementarySeriesSeed {
  key: SupplementarySeriesKey;
  /** As the plan names it (、 restored where the text shows "."). */
  name: string;
  unit: string;
  /** level ('cumulative': counts, amounts) or 'share' (a percentage); never a growth rate. */
  kind: Exclude<IndicatorKind, 'growthRate'>;
  direction: 'up' | 'down';
  decimals: number;
  /** The 表1 indicator (序号) measuring the same thing in another form, if any. */
  relatedIndicator: number | null;
  note: string | null;
}

export const LUQUAN_2021_2025_SUPPLEMENTARY_SERIES: readonly SupplementarySeriesSeed[] = [
  {
    key: 'fiscalStiSpending', name: '财政科技支出', unit: '万元', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: 2,
    note: '表1 序号2“地方财政科技投入增长率”是本序列的增长率（2020年基数13.31为2015—2020年年均增长）；面临的挑战中称“财政科技投入”。',
  },
  {
    key: 'fiscalStiShareOfPublicSpending', name: '财政科技支出占公共财政支出比重', unit: '%', kind: 'share', direction: 'up', decimals: 2, relatedIndicator: null,
    note: '面临的挑战中称“财政科技投入占公共财政支出的比重”。',
  },
  {
    key: 'industrialRdShareOfRevenue', name: '规上工业企业R&D经费支出占主营业务收入比重', unit: '%', kind: 'share', direction: 'up', decimals: 2, relatedIndicator: 3,
    note: '表1 序号3“规上工业企业研发投入增长率”是其分子的增长率。',
  },
  {
    key: 'techSmesPerThousandFirms', name: '千家工商注册企业中科技型中小企业数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 2, relatedIndicator: 7,
    note: null,
  },
  {
    key: 'provincialRdPlatforms', name: '省级以上研发平台数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: 10,
    note: '表1 序号10“市级以上创新平台数量”（规划正文称“市级以上研发平台”）中的省级以上部分。',
  },
  {
    key: 'provincialStartupServiceAgencies', name: '省级以上创业服务机构数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: null,
    note: null,
  },
  {
    key: 'provincialIncubators', name: '省级科技企业孵化器数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: 16,
    note: '表1 序号16“市级以上孵化器数量”中的省级部分。',
  },
  {
    key: 'nationalIncubators', name: '国家级科技企业孵化器数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: 16,
    note: '表1 序号16“市级以上孵化器数量”中的国家级部分。',
  },
  {
    key: 'provincialMakerSpaces', name: '省级众创空间数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: 15,
    note: '表1 序号15“市级以上众创空间数量”中的省级部分。',
  },
  {
    key: 'nationalMakerSpaces', name: '国家级众创空间数量', unit: '家', kind: 'cumulative', direction: 'up', decimals: 0, relatedIndicator: 15,
    note: '表1 序号15“市级以上众创空间数量”中的国家级部分。',
  },
];

// ---------------------------------------------------------------------------------------------------
// Shared shapes

/** What a value is about: a 表1 indicator (by 序号) or a supplementary series. */
export type BenchmarkSubject = { type: 'indicator'; sequence: number } | { type: 'series'; key: SupplementarySeriesKey };

/** Where in the plan text a value is stated. */
export interface PlanTextSource {
  /** The words that state the value, verbatim; they occur in `source`. */
  stated: string;
  /** The sentence or clause, verbatim: a substring of the plan text. */
  source: string;
  /** The heading of the part of the text it sits under, verbatim (e.g. "(二)面临的挑战"). */
  section: string;
  note: string | null;
}

const indicator = (sequence: number): BenchmarkSubject => ({ type: 'indicator', sequence });
const series = (key: SupplementarySeriesKey): BenchmarkSubject => ({ type: 'series', key });

const S_FOUNDATION_1 = '(一)创新型鹿泉建设效果显著,创新能力显著提升';
const S_FOUNDATION_2 = '(二)创新资源不断聚集,创新主体不断壮大';
const S_FOUNDATION_3 = '(三)产业技术特色鲜明,创新成果不断涌现';
const S_FOUNDATION_5 = '(五)科技改革不断深入,创新生态不断优化';
const S_CHALLENGES = '(二)面临的挑战';

// ---------------------------------------------------------------------------------------------------
// Reference values (对标值)

export interface PlanReferenceValueSeed extends PlanTextSource {
  subject: BenchmarkSubject;
  kind: BenchmarkKind;
  year: number;
  /** As stated: ranks whole numbers, shares (shareOf…) in %, gaps and bests in the subject's unit. */
  value: string;
  /** Unit of `value`: the subject's unit, '%' for shareOf…, '位' for ranks. */
  unit: string;
}

const FISCAL_RANK = '全区财政科技支出10264万元,位居全市第1';
const INPUT_SHARES =
  '财政科技投入.财政科技投入占公共财政支出的比重.规上工业企业R&D经费支出占主营业务收入的比重三项指标比全省最高值均有一定的差距,分别是全省最高值的25.59%.54.01%.13.92%';
const FIRMS_GAP = '全区高新技术企业数量.科技型中小企业数量分别比全省最高值258家.1043家低30家.206家';
const PER_THOUSAND = '千家工商注册企业中科技型中小企业数量仅70.72家,而全市最高为107.71家.全省最高为178.28家';
const PATENT_RANKS = '截至2020年底,万人高价值发明专利拥有量8.41件,仅居全市第6位.全省第18位';
const HIGH_TECH_SHARE = '规上高新技术产业增加值占规上工业增加值比重为36.4%,仅居全市第8位.全省第44位,距全市最高值55.52%.全省最高值98.82%差距较大';
const RD_INSTITUTIONS = '规上工业企业建立研发机构比例仅为14.18%,而全市最高值为31.03%.全省最高值为75.86%';
const TECH_CONTRACTS = '2020年全区技术合同成交额仅1.55亿元,是全市115亿元的1.35%';

type RefRow = [BenchmarkSubject, BenchmarkKind, string, string, string, string, string, string | null];

// [subject, kind, value, unit, stated, source, section, note]; all for 2020
const referenceRows: RefRow[] = [
  [series('fiscalStiSpending'), 'cityRank', '1', '位', '位居全市第1', FISCAL_RANK, S_FOUNDATION_2, null],
  [series('fiscalStiSpending'), 'shareOfProvinceBest', '25.59', '%', '25.59%', INPUT_SHARES, S_CHALLENGES,
    '原文“财政科技投入”，即财政科技支出（万元）；序号2的增长率不是本比例的对象。'],
  [series('fiscalStiShareOfPublicSpending'), 'shareOfProvinceBest', '54.01', '%', '54.01%', INPUT_SHARES, S_CHALLENGES, null],
  [series('industrialRdShareOfRevenue'), 'shareOfProvinceBest', '13.92', '%', '13.92%', INPUT_SHARES, S_CHALLENGES, null],
  [indicator(6), 'provinceBest', '258', '家', '258家', FIRMS_GAP, S_CHALLENGES, null],
  [indicator(6), 'gapToProvinceBest', '30', '家', '30家', FIRMS_GAP, S_CHALLENGES, '228 + 30 = 258'],
  [indicator(7), 'provinceBest', '1043', '家', '1043家', FIRMS_GAP, S_CHALLENGES, null],
  [indicator(7), 'gapToProvinceBest', '206', '家', '206家', FIRMS_GAP, S_CHALLENGES, '837 + 206 = 1043'],
  [series('techSmesPerThousandFirms'), 'cityBest', '107.71', '家', '全市最高为107.71家', PER_THOUSAND, S_CHALLENGES, null],
  [series('techSmesPerThousandFirms'), 'provinceBest', '178.28', '家', '全省最高为178.28家', PER_THOUSAND, S_CHALLENGES, null],
  [indicator(11), 'cityRank', '6', '位', '全市第6位', PATENT_RANKS, S_CHALLENGES,
    '同句“距全市.全省最高三4.59件”在抓取文本中已损坏，未录入任何最高值或差距。'],
  [indicator(11), 'provinceRank', '18', '位', '全省第18位', PATENT_RANKS, S_CHALLENGES, null],
  [indicator(12), 'cityRank', '8', '位', '全市第8位', HIGH_TECH_SHARE, S_CHALLENGES, null],
  [indicator(12), 'provinceRank', '44', '位', '全省第44位', HIGH_TECH_SHARE, S_CHALLENGES, null],
  [indicator(12), 'cityBest', '55.52', '%', '全市最高值55.52%', HIGH_TECH_SHARE, S_CHALLENGES, null],
  [indicator(12), 'provinceBest', '98.82', '%', '全省最高值98.82%', HIGH_TECH_SHARE, S_CHALLENGES, null],
  [indicator(9), 'cityBest', '31.03', '%', '全市最高值为31.03%', RD_INSTITUTIONS, S_CHALLENGES, null],
  [indicator(9), 'provinceBest', '75.86', '%', '全省最高值为75.86%', RD_INSTITUTIONS, S_CHALLENGES, null],
  [indicator(13), 'cityTotal', '115', '亿元', '全市115亿元', TECH_CONTRACTS, S_CHALLENGES, null],
  [indicator(13), 'shareOfCityTotal', '1.35', '%', '1.35%', TECH_CONTRACTS, S_CHALLENGES, '1.55 ÷ 115 = 1.348%'],
];

export const LUQUAN_2021_2025_REFERENCE_VALUES: readonly PlanReferenceValueSeed[] = referenceRows.map(
  ([subject, kind, value, unit, stated, source, section, note]) => ({ subject, kind, year: 2020, value, unit, stated, source, section, note }),
);

// ---------------------------------------------------------------------------------------------------
// 全省县域科技创新能力评价 (Hebei's county science-and-technology evaluation)

export interface CountyEvaluationSeed extends PlanTextSource {
  year: number;
  provinceRank: number;
  /** A/B/C where known; the plan does not state it. */
  grade: 'A' | 'B' | 'C' | null;
  /** Where known; the plan does not state it. */
  score: string | null;
}

const COUNTY_EVALUATION = '2018年到2020年连续三年位居全省县域科技创新能力评价第1名';

export const LUQUAN_COUNTY_EVALUATIONS: readonly CountyEvaluationSeed[] = [2018, 2019, 2020].map((year) => ({
  year,
  provinceRank: 1,
  grade: null,
  score: null,
  stated: '第1名',
  source: COUNTY_EVALUATION,
  section: S_FOUNDATION_1,
  note: '专栏3 亦称“连续3年位居全省县域科技创新能力第1名”。',
}));

// ---------------------------------------------------------------------------------------------------
// History (2015 and 2020 figures the text states)

export interface PlanHistoryFigureSeed extends PlanTextSource {
  subject: BenchmarkSubject;
  year: number;
  value: string;
  /** The subject's unit. */
  unit: string;
}

const FISCAL = '全区财政科技支出10264万元,位居全市第1,占公共财政支出比重达2.02%,比2015年的5495万元增加4769万元,年均增长13.31%';
const RD_INTENSITY = '规上工业企业R&D经费支出占主营业务收入的比重为1.74%';
const HIGH_TECH_FIRMS = '全区高新技术企业228家,比2015年的44家增加了184家,是2015年的5.18倍';
const TECH_SMES = '科技型中小企业数量为837家,比2015年的214家增加了623家,是2015年的3.91倍';
const PLATFORMS = '市级以上研发平台144家,比2015年的22家增加了122家,是2015年的6.55倍,其中省级以上研发平台89家';
const STARTUP_SERVICES = '省级以上创业服务机构24家';
const CIVIL_MILITARY = '新增军民融合企业38家,总数达到66家';
const INCUBATORS = '截至2020年底,市级以上科技企业孵化器4家,其中省级1家.国家级2家';
const MAKER_SPACES = '市级以上众创空间总数达到11家,其中省级4家.国家级1家';
const PLATFORM_NOTE = '规划正文称“市级以上研发平台”，表1 序号10称“市级以上创新平台数量”，同为144家（2020年）。';

type HistRow = [BenchmarkSubject, number, string, string, string, string, string, string | null];

// [subject, year, value, unit, stated, source, section, note]
const historyRows: HistRow[] = [
  // 2015
  [series('fiscalStiSpending'), 2015, '5495', '万元', '2015年的5495万元', FISCAL, S_FOUNDATION_2, null],
  [indicator(6), 2015, '44', '家', '2015年的44家', HIGH_TECH_FIRMS, S_FOUNDATION_2, null],
  [indicator(7), 2015, '214', '家', '2015年的214家', TECH_SMES, S_FOUNDATION_2, null],
  [indicator(10), 2015, '22', '家', '2015年的22家', PLATFORMS, S_FOUNDATION_2, PLATFORM_NOTE],
  // 2020
  [series('fiscalStiSpending'), 2020, '10264', '万元', '财政科技支出10264万元', FISCAL, S_FOUNDATION_2, null],
  [series('fiscalStiShareOfPublicSpending'), 2020, '2.02', '%', '占公共财政支出比重达2.02%', FISCAL, S_FOUNDATION_2, null],
  [series('industrialRdShareOfRevenue'), 2020, '1.74', '%', '比重为1.74%', RD_INTENSITY, S_FOUNDATION_2, null],
  [indicator(6), 2020, '228', '家', '高新技术企业228家', HIGH_TECH_FIRMS, S_FOUNDATION_2, null],
  [indicator(7), 2020, '837', '家', '科技型中小企业数量为837家', TECH_SMES, S_FOUNDATION_2, null],
  [indicator(10), 2020, '144', '家', '市级以上研发平台144家', PLATFORMS, S_FOUNDATION_2, PLATFORM_NOTE],
  [series('provincialRdPlatforms'), 2020, '89', '家', '省级以上研发平台89家', PLATFORMS, S_FOUNDATION_2, null],
  [series('provincialStartupServiceAgencies'), 2020, '24', '家', '省级以上创业服务机构24家', STARTUP_SERVICES, S_FOUNDATION_2, null],
  [indicator(8), 2020, '66', '家', '总数达到66家', CIVIL_MILITARY, S_FOUNDATION_3,
    '原文未写年份；与表1 序号8的2020年基数66相同，按2020年记录。'],
  [indicator(16), 2020, '4', '家', '市级以上科技企业孵化器4家', INCUBATORS, S_FOUNDATION_5, null],
  [series('provincialIncubators'), 2020, '1', '家', '省级1家', INCUBATORS, S_FOUNDATION_5, null],
  [series('nationalIncubators'), 2020, '2', '家', '国家级2家', INCUBATORS, S_FOUNDATION_5, null],
  [indicator(15), 2020, '11', '家', '市级以上众创空间总数达到11家', MAKER_SPACES, S_FOUNDATION_5, null],
  [series('provincialMakerSpaces'), 2020, '4', '家', '省级4家', MAKER_SPACES, S_FOUNDATION_5, null],
  [series('nationalMakerSpaces'), 2020, '1', '家', '国家级1家', MAKER_SPACES, S_FOUNDATION_5, null],
  [series('techSmesPerThousandFirms'), 2020, '70.72', '家', '仅70.72家', PER_THOUSAND, S_CHALLENGES, null],
  [indicator(11), 2020, '8.41', '件', '万人高价值发明专利拥有量8.41件', PATENT_RANKS, S_CHALLENGES, null],
  [indicator(12), 2020, '36.4', '%', '比重为36.4%', HIGH_TECH_SHARE, S_CHALLENGES, null],
  [indicator(9), 2020, '14.18', '%', '比例仅为14.18%', RD_INSTITUTIONS, S_CHALLENGES, null],
  [indicator(13), 2020, '1.55', '亿元', '技术合同成交额仅1.55亿元', TECH_CONTRACTS, S_CHALLENGES, null],
];

export const LUQUAN_2021_2025_HISTORY: readonly PlanHistoryFigureSeed[] = historyRows.map(
  ([subject, year, value, unit, stated, source, section, note]) => ({ subject, year, value, unit, stated, source, section, note }),
);

// ---------------------------------------------------------------------------------------------------
// Changes 2015 → 2020 the text states (checked against the history figures by the transcription test)

export interface PlanStatedChangeSeed {
  subject: BenchmarkSubject;
  fromYear: number;
  toYear: number;
  /** "增加…" in the subject's unit */
  increase: string;
  /** "是2015年的…倍" */
  multiple: string | null;
  /** "年均增长…%" */
  averageGrowthPct: string | null;
  source: string;
  section: string;
}

export const LUQUAN_2021_2025_STATED_CHANGES: readonly PlanStatedChangeSeed[] = [
  { subject: series('fiscalStiSpending'), fromYear: 2015, toYear: 2020, increase: '4769', multiple: null, averageGrowthPct: '13.31', source: FISCAL, section: S_FOUNDATION_2 },
  { subject: indicator(6), fromYear: 2015, toYear: 2020, increase: '184', multiple: '5.18', averageGrowthPct: null, source: HIGH_TECH_FIRMS, section: S_FOUNDATION_2 },
  { subject: indicator(7), fromYear: 2015, toYear: 2020, increase: '623', multiple: '3.91', averageGrowthPct: null, source: TECH_SMES, section: S_FOUNDATION_2 },
  { subject: indicator(10), fromYear: 2015, toYear: 2020, increase: '122', multiple: '6.55', averageGrowthPct: null, source: PLATFORMS, section: S_FOUNDATION_2 },
];

/** Fragments of the plan text that state a comparison but are garbled in the scrape; nothing is stored for them. */
export const LUQUAN_2021_2025_GARBLED: readonly { fragment: string; section: string; about: BenchmarkSubject; reason: string }[] = [
  {
    fragment: '距全市.全省最高三4.59件',
    section: S_CHALLENGES,
    about: indicator(11),
    reason: '“最高三4.59件”无法判断是全市、全省最高值（一个还是两个）还是差距，不录入。',
  },
];
