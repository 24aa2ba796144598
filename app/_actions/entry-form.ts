// What the entry form (app/_components/entry/entry-form.tsx) sends, read from its FormData for
// saveYearFigures (./figures.ts): not a server action, just its reader, kept beside it.
import { entryFieldName, type EntryField, type TypedEntryRow } from '@/lib/schemas/figure-entry';

/** What the person typed for each indicator (strings as typed, so a refused form can show them again). */
export function readEntryForm(formData: FormData, indicatorIds: readonly number[]): Map<number, TypedEntryRow> {
  const rows = new Map<number, TypedEntryRow>();
  for (const id of indicatorIds) {
    const get = (field: EntryField) => {
      const value = formData.get(entryFieldName(field, id));
      return typeof value === 'string' ? value : '';
    };
    if (!formData.has(entryFieldName('value', id))) continue; // not on the form (locked or not this person's)
    rows.set(id, { value: get('value'), source: get('source'), quality: get('quality'), note: get('note'), version: get('version') });
  }
  return rows;
}

/** The rows whose warnings the person confirmed: each row's own 我已核实 (confirm.<indicatorId>). */
export function confirmedRows(formData: FormData, ids: Iterable<string | number>): Set<string> {
  return new Set([...ids].map(String).filter((id) => formData.get(`confirm.${id}`) === 'on'));
}
