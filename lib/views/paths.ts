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

/** Path of the evaluation report of a plan year (suffix '/docx': its Word file); kind omitted when it is the year's default. */
export function evaluationPath(slug: string, year: number, includeUnapproved: boolean, kind?: string, suffix = ''): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (includeUnapproved) query.set('includeUnapproved', '1');
  const path = `/reports/${encodeURIComponent(slug)}/${year}/evaluation${suffix}`;
  return query.size > 0 ? `${path}?${query}` : path;
}
