// Domain shapes the gateway returns. Plain numbers and strings only: no Prisma types leave lib/data.
import type { Role } from '@/lib/auth/permissions';
import type { BenchmarkKind, IndicatorKind, TaskTargetKind } from '@/lib/progress';

export type { BenchmarkKind, IndicatorKind };
export type PlanStatus = 'active' | 'archived';
export type IndicatorAttribute = 'expected' | 'binding';
export type Direction = 'up' | 'down';

/** What names a plan and its period: the same fields in a seed, a stored plan and a drafted next plan. */
export interface PlanHeader {
  slug: string;
  name: string;
  shortName: string;
  region: string;
  baseYear: number;
  firstYear: number;
  lastYear: number;
  sourceDocument: string;
}

export interface PlanInfo extends PlanHeader {
  id: number;
  status: PlanStatus;
  isCurrent: boolean;
  /** bumped with every write that can change what the plan's pages show (lib/data/plan-version.ts) */
  dataVersion: number;
  /**
   * ISO time of the plan row's last change (every bump sets it): with the id and dataVersion, the key of
   * the caches in lib/loaders, so a database restored from a backup (versions counting again) never
   * meets an entry cached before.
   */
  changedAt: string;
}

export interface CategoryInfo {
  id: number;
  name: string;
  /** the English name an admin entered (English mode), else null */
  nameEn?: string | null;
  position: number;
}

export interface IndicatorDefinition {
  id: number;
  sequence: number;
  category: CategoryInfo;
  name: string;
  unit: string;
  /** the English name and unit an admin entered (English mode), else null */
  nameEn?: string | null;
  unitEn?: string | null;
  kind: IndicatorKind;
  baseline: number | null;
  target: number | null;
  annualRate: number | null;
  cumulativeIncrease: number | null;
  attribute: IndicatorAttribute;
  direction: Direction;
  decimals: number;
  /** 牵头单位 (责任单位); null = 未填写 */
  responsibleUnit: string | null;
  /** 配合单位 as entered; null = 未填写 */
  cooperatingUnits: string | null;
  contact: string | null;
  definition: string | null;
  status: 'active' | 'archived';
}

/** What a plan holds besides its own row: cached per data version by lib/loaders. */
export type PlanContent = Omit<PlanDetail, keyof PlanInfo>;

export interface PlanDetail extends PlanInfo {
  categories: CategoryInfo[];
  /** the plan's active indicators, ordered by sequence */
  indicators: IndicatorDefinition[];
  /** indicators taken out of the plan but kept with their figures */
  archivedIndicators: IndicatorDefinition[];
  /** due dates for each year's figures (ISO dates), where set */
  dueDates: { year: number; dueDate: string }[];
  /** true when any figure of the plan is demo data (示例数据) */
  hasSampleData: boolean;
}

export type FigureStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type FigureQuality = 'preliminary' | 'final';

/** A quantified target of an action read from a new plan's 专栏 workbook (lib/import), as the import writes it. */
export interface ImportedTaskTarget {
  phrase: string;
  subject: string;
  unit: string;
  kind: TaskTargetKind;
  lower: string;
  upper: string | null;
  qualifier: '左右' | '以上' | null;
  deadlineYear: number | null;
}

/**
 * A new plan's 专栏 with its actions and their targets, read from the workbook (lib/import/task-programme-workbook),
 * previewed (lib/views/task-programme-preview) and written (lib/data/task-writes importTaskProgrammes).
 */
export interface ImportedTaskProgramme {
  number: number;
  title: string | null;
  actions: { number: number; name: string; text: string; targets: ImportedTaskTarget[] }[];
}

/** A figure read from a filled-in entry template (lib/import), as the import writes it (lib/data/figure-writes). */
export interface ImportedFigure {
  /** the sheet row it came from, for messages */
  row: number;
  indicatorId: number;
  sequence: number;
  year: number;
  value: string;
  source: string | null;
  quality: FigureQuality | null;
  note: string | null;
}

/** A yearly actual figure: growthRate indicators that year's growth in %, other kinds the level. */
export interface Figure {
  id: number;
  indicatorId: number;
  year: number;
  value: number;
  status: FigureStatus;
  quality: FigureQuality | null;
  source: string | null;
  note: string | null;
  version: number;
  /** the reviewer's reason when returned, or the admin's when unlocked */
  reviewNote: string | null;
  updatedByName: string | null;
  isSample: boolean;
  /** ISO 8601 */
  updatedAt: string;
}

export type UserRole = Role;

/** An account as the admin pages show it. */
export interface UserSummary {
  id: string;
  username: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  /** staff: may enter every indicator (true) or only indicatorIds (false) */
  allIndicators: boolean;
  indicatorIds: number[];
  /** staff with allIndicators = false: the key-task actions they may report */
  actionIds: number[];
  /** ISO 8601 */
  createdAt: string;
}

/** What the session check needs about the person behind a session. */
export interface SessionRecord {
  sessionId: string;
  /** ISO 8601; the last time the session was used (written at most once a minute) */
  lastActiveAt: string;
  expiresAt: string;
  user: UserSummary;
}

export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One history event of a figure as the review queue needs it (when it was submitted, why it was returned). */
export interface ReviewEvent {
  observationId: number;
  action: 'create' | 'edit' | 'submit' | 'approve' | 'return' | 'unlock';
  newStatus: FigureStatus;
  actorName: string;
  /** ISO 8601 */
  at: string;
  reason: string | null;
}
export type * from './task-types';

// ── Benchmarks (对标值, supplementary series, county evaluation, 十三五 history, 核对) — issue 17 ──


/** What a value is about: an indicator of the plan (表1) or a supplementary series (监测指标). */
export type BenchmarkSubjectRef = { type: 'indicator'; id: number } | { type: 'series'; id: number };

/** "indicator:12" / "series:3": one key per subject, stored beside the foreign keys. */
export function subjectKey(subject: BenchmarkSubjectRef): string {
  return `${subject.type}:${subject.id}`;
}

export interface SupplementarySeriesInfo {
  id: number;
  key: string;
  name: string;
  unit: string;
  kind: Exclude<IndicatorKind, 'growthRate'> | IndicatorKind;
  direction: Direction;
  decimals: number;
  relatedIndicatorSequence: number | null;
  note: string | null;
  position: number;
}

/** Shared by every reviewed benchmark record. */
export interface ReviewedRecord {
  id: number;
  status: FigureStatus;
  version: number;
  reviewNote: string | null;
  updatedByName: string | null;
  /** ISO 8601 */
  updatedAt: string;
}

export interface ReferenceValueRecord extends ReviewedRecord {
  subject: BenchmarkSubjectRef;
  kind: BenchmarkKind;
  year: number;
  value: number;
  /** exact decimal text as stored (for the engine's exact differences) */
  valueText: string;
  source: string;
  note: string | null;
  isSample: boolean;
}

export interface SeriesFigureRecord extends ReviewedRecord {
  seriesId: number;
  year: number;
  value: number;
  valueText: string;
  source: string | null;
  note: string | null;
  isSample: boolean;
}

export interface CountyEvaluationRecord extends ReviewedRecord {
  year: number;
  provinceRank: number | null;
  grade: string | null;
  score: number | null;
  source: string;
  note: string | null;
}

export interface HistoryFigureRecord {
  id: number;
  subject: BenchmarkSubjectRef;
  year: number;
  value: number;
  valueText: string;
  source: string;
  stated: string | null;
  section: string | null;
  note: string | null;
}

export interface SourceCheckRuleRecord {
  indicatorId: number;
  primarySource: string;
  toleranceMode: 'absolute' | 'relative';
  tolerance: number;
}

export interface FigureSourceValueRecord {
  id: number;
  observationId: number;
  sourceName: string;
  value: number;
  valueText: string;
  source: string | null;
  note: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

/** One change of an indicator's 主口径 or tolerance (DefinitionEvent setSourceRule); before is null when no rule was set (sources had to agree exactly). */
export interface SourceRuleChange {
  id: number;
  indicatorId: number;
  /** ISO 8601 */
  at: string;
  actorName: string;
  reason: string | null;
  before: Omit<SourceCheckRuleRecord, 'indicatorId'> | null;
  after: Omit<SourceCheckRuleRecord, 'indicatorId'>;
}

/** Everything the benchmarks module holds for one plan (one read). */
export interface PlanBenchmarks {
  series: SupplementarySeriesInfo[];
  seriesFigures: SeriesFigureRecord[];
  referenceValues: ReferenceValueRecord[];
  countyEvaluations: CountyEvaluationRecord[];
  history: HistoryFigureRecord[];
  sourceRules: SourceCheckRuleRecord[];
  /** the changes of the indicators' rules, newest first */
  ruleHistory: SourceRuleChange[];
  sourceValues: FigureSourceValueRecord[];
}
