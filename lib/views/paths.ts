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
