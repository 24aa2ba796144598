/** Addresses of the app's pages, built in one place. */

/** Path of the report page (suffix '' ), its print page ('/print') or a download ('/export/xlsx'). */
export function reportPath(slug: string, year: number, includeUnapproved: boolean, suffix = ''): string {
  const path = `/reports/${encodeURIComponent(slug)}/${year}${suffix}`;
  return includeUnapproved ? `${path}?includeUnapproved=1` : path;
}

/** Path of an indicator's page; /indicators/{id} (the old address) redirects here. */
export function indicatorPath(slug: string, indicatorId: number): string {
  return `/plans/${encodeURIComponent(slug)}/indicators/${indicatorId}`;
}

/** Anchor id of an indicator's row on the entry page (the work queue's links land on it). */
export function entryRowId(sequence: number): string {
  return `entry-row-${sequence}`;
}

/** Path of a plan year's entry page, scrolled to one indicator's row (focused and highlighted there). */
export function entryRowPath(slug: string, year: number, sequence: number): string {
  return `/plans/${encodeURIComponent(slug)}/entry/${year}#${entryRowId(sequence)}`;
}

/** 我的待办, where staff land after signing in. */
export const WORK_QUEUE_PATH = '/todo';

/** The review queue. */
export const REVIEW_QUEUE_PATH = '/review';
/** Path of the evaluation report of a plan year (suffix '/docx': its Word file); kind omitted when it is the year's default. */
export function evaluationPath(slug: string, year: number, includeUnapproved: boolean, kind?: string, suffix = ''): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (includeUnapproved) query.set('includeUnapproved', '1');
  const path = `/reports/${encodeURIComponent(slug)}/${year}/evaluation${suffix}`;
  return query.size > 0 ? `${path}?${query}` : path;
}

/** The key tasks of a plan (/plans/{slug}/tasks), one action's page, the projects page. */
export function tasksPath(slug: string, query: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  const search = params.toString();
  return `/plans/${encodeURIComponent(slug)}/tasks${search ? `?${search}` : ''}`;
}

export function taskActionPath(slug: string, actionId: number): string {
  return `/plans/${encodeURIComponent(slug)}/tasks/${actionId}`;
}

export function projectsPath(slug: string): string {
  return `/plans/${encodeURIComponent(slug)}/projects`;
}

/** A download of the key-task table (重点任务推进情况表): xlsx, docx, csv; or its print page. */
export function taskExportPath(slug: string, year: number, format: 'xlsx' | 'docx' | 'csv' | 'print', includeUnapproved = false): string {
  const base = `/plans/${encodeURIComponent(slug)}/tasks/${format === 'print' ? 'print' : `export/${format}`}`;
  const params = new URLSearchParams({ year: String(year), ...(includeUnapproved ? { includeUnapproved: '1' } : {}) });
  return `${base}?${params.toString()}`;
}

export function taskEvidencePath(slug: string, evidenceId: number): string {
  return `/plans/${encodeURIComponent(slug)}/tasks/evidence/${evidenceId}`;
}

/** 责任分解表 of a plan; its downloads (xlsx, docx, csv) and print page. */
export function responsibilitiesPath(slug: string, format?: 'xlsx' | 'docx' | 'csv' | 'print'): string {
  const base = `/plans/${encodeURIComponent(slug)}/responsibilities`;
  return format === undefined ? base : format === 'print' ? `${base}/print` : `${base}/export/${format}`;
}

/** Excel bulk reporting of key tasks for a period (and its template: suffix '/template'). */
export function taskImportPath(slug: string, year?: number, half?: 'H1' | 'FY', suffix = ''): string {
  const params = new URLSearchParams();
  if (year !== undefined) params.set('year', String(year));
  if (half) params.set('half', half);
  const search = params.toString();
  return `/plans/${encodeURIComponent(slug)}/tasks/import${suffix}${search ? `?${search}` : ''}`;
}
