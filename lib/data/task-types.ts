// Domain shapes of key tasks (重点任务) as lib/data returns them: plain numbers and strings, no Prisma types.
import type { ReportedTaskStatus, TaskHalf, TaskReportState, TaskTargetKind, TaskTargetQualifier } from '@/lib/progress/tasks';

export type { ReportedTaskStatus, TaskHalf, TaskReportState, TaskTargetKind, TaskTargetQualifier };

export interface TaskTargetDefinition {
  id: number;
  position: number;
  /** the commitment exactly as the plan writes it */
  phrase: string;
  subject: string;
  unit: string;
  kind: TaskTargetKind;
  lower: number;
  upper: number | null;
  qualifier: TaskTargetQualifier;
  deadlineYear: number | null;
  horizonYears: { lower: number; upper: number } | null;
  baseline: number | null;
}

export interface TaskActionDefinition {
  id: number;
  programmeNumber: number;
  number: number;
  name: string;
  text: string;
  /** null = 未填写 */
  leadUnit: string | null;
  cooperatingUnits: string | null;
  targets: TaskTargetDefinition[];
}

export interface TaskProgrammeDefinition {
  id: number;
  number: number;
  /** null where the plan text lost the heading (专栏N（标题缺失）) */
  title: string | null;
  actions: TaskActionDefinition[];
}

export interface TaskMilestone {
  id: number;
  position: number;
  name: string;
  /** ISO dates (YYYY-MM-DD) */
  plannedDate: string | null;
  actualDate: string | null;
  version: number;
  updatedByName: string | null;
}

export interface TaskProjectDefinition {
  id: number;
  sequence: number;
  name: string;
  source: string | null;
  actionId: number | null;
  leadUnit: string | null;
  cooperatingUnits: string | null;
  milestones: TaskMilestone[];
}

export interface TaskPeriodDue {
  year: number;
  half: TaskHalf;
  /** ISO date */
  dueDate: string;
}

/** Everything a plan defines about its key tasks (no reports). */
export interface TaskPlan {
  planId: number;
  programmes: TaskProgrammeDefinition[];
  projects: TaskProjectDefinition[];
  dueDates: TaskPeriodDue[];
}

export interface TaskEvidenceInfo {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  uploadedByName: string;
  /** ISO 8601 */
  createdAt: string;
}

export interface TaskReport {
  id: number;
  actionId: number;
  year: number;
  half: TaskHalf;
  status: ReportedTaskStatus;
  percent: number | null;
  /** 进展情况 */
  progress: string;
  /** 存在问题 */
  problems: string | null;
  /** 下一步打算 */
  nextSteps: string | null;
  state: TaskReportState;
  version: number;
  reviewNote: string | null;
  updatedByName: string | null;
  /** ISO 8601 */
  updatedAt: string;
  /** achieved values of the action's targets */
  values: { targetId: number; value: number }[];
  evidence: TaskEvidenceInfo[];
}

export type TaskReportAction = 'create' | 'edit' | 'submit' | 'approve' | 'return' | 'unlock' | 'addEvidence' | 'removeEvidence';

export interface TaskReportHistoryEntry {
  id: number;
  reportId: number;
  year: number;
  half: TaskHalf;
  action: TaskReportAction;
  actorName: string;
  /** ISO 8601 */
  at: string;
  oldState: TaskReportState | null;
  newState: TaskReportState;
  oldStatus: ReportedTaskStatus | null;
  newStatus: ReportedTaskStatus | null;
  reason: string | null;
  detail: string | null;
}

export interface TaskEvidenceFile extends TaskEvidenceInfo {
  reportId: number;
  actionId: number;
  bytes: Uint8Array;
}
