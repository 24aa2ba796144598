/**
 * 表1 "十四五"科技创新主要指标 of 鹿泉区科技创新"十四五"规划, transcribed field by field.
 * Source: ../shared/plan/luquan-sti-plan-2021-2025.txt (table 1; copy in docs/sources/). A "-" in the plan is null.
 * The text renders every 、 as "." (省委.省政府); names here restore the 、 (row 4), nothing else.
 * The plan's own stated values are kept as published (row 9 states 7.17 pp/yr although
 * (50 − 14.18)/5 = 7.164); the consistency check reports such differences, the data does not fix them.
 * Figures are decimal strings so that they reach the database exactly.
 */
import type { IndicatorKind } from '../progress/types';
import type { PlanHeader } from '../data/types';

export type CategoryName = '创新投入' | '创新能力' | '创新产出' | '创新转化' | '创新生态';
export type IndicatorAttributeName = 'expected' | 'binding';

export interface PlanIndicatorSeed {
  sequence: number;
  category: CategoryName;
  name: string;
  unit: string;
  kind: IndicatorKind;
  baseline: string | null;
  target: string | null;
  /** growthRate: %/yr; share: pp/yr as stated in the plan */
  annualRate: string | null;
  /** the bracketed 5-year cumulative increase */
  cumulativeIncrease: string | null;
  attribute: IndicatorAttributeName;
  direction: 'up' | 'down';
  decimals: number;
}

export interface PlanSeed extends PlanHeader {
  categories: readonly CategoryName[];
  indicators: PlanIndicatorSeed[];
}

export const CATEGORIES_2021_2025: readonly CategoryName[] = ['创新投入', '创新能力', '创新产出', '创新转化', '创新生态'];

type Row = [number, CategoryName, string, string, IndicatorKind, string | null, string | null, string | null, string | null, number];

// [序号, 类别, 指标名称, 单位, kind, 2020年基数, 2025年目标, 年均增长, [累计], decimals shown]
const rows: Row[] = [
  [1, '创新投入', '全社会研发投入增长率', '%', 'growthRate', null, null, '12', null, 2],
  [2, '创新投入', '地方财政科技投入增长率', '%', 'growthRate', '13.31', null, '15', null, 2],
  [3, '创新投入', '规上工业企业研发投入增长率', '%', 'growthRate', null, null, '10', null, 2],
  [4, '创新能力', '市级以上创新团队、领军人物数量', '个', 'cumulative', '30', '45', null, '15', 0],
  [5, '创新能力', '创新型(试点)企业数量', '家', 'cumulative', '23', '33', null, '10', 0],
  [6, '创新能力', '高新技术企业数量', '家', 'cumulative', '228', '350', null, '122', 0],
  [7, '创新能力', '科技型中小企业数量', '家', 'cumulative', '837', '1200', null, '363', 0],
  [8, '创新能力', '军民融合型企业数量', '家', 'cumulative', '66', '76', null, '10', 0],
  [9, '创新能力', '规上工业企业研发机构的比例', '%', 'share', '14.18', '50', '7.17', null, 2],
  [10, '创新能力', '市级以上创新平台数量', '家', 'cumulative', '144', '180', null, '36', 0],
  [11, '创新产出', '每万人口高价值发明专利拥有量', '件', 'cumulative', '8.41', '11', null, '2.59', 2],
  [12, '创新产出', '高新技术产业增加值占规上工业增加值比重', '%', 'share', '36.4', '42', '1.12', null, 2],
  [13, '创新转化', '技术合同成交总额', '亿元', 'cumulative', '1.55', '10', null, '8.45', 2],
  [14, '创新转化', '市级以上技术转移机构数量', '家', 'cumulative', '7', '10', null, '3', 0],
  [15, '创新生态', '市级以上众创空间数量', '家', 'cumulative', '11', '12', null, '1', 0],
  [16, '创新生态', '市级以上孵化器数量', '家', 'cumulative', '4', '7', null, '3', 0],
];

export const LUQUAN_2021_2025: PlanSeed = {
  slug: 'luquan-2021-2025',
  name: '鹿泉区科技创新“十四五”规划',
  shortName: '十四五',
  region: '鹿泉区',
  baseYear: 2020,
  firstYear: 2021,
  lastYear: 2025,
  sourceDocument: '石家庄市鹿泉区科技创新“十四五”规划（征求意见稿，2022-02-10）表1 “十四五”科技创新主要指标',
  categories: CATEGORIES_2021_2025,
  indicators: rows.map(([sequence, category, name, unit, kind, baseline, target, annualRate, cumulativeIncrease, decimals]) => ({
    sequence, category, name, unit, kind, baseline, target, annualRate, cumulativeIncrease,
    attribute: 'expected', direction: 'up', decimals,
  })),
};
