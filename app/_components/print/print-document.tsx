import type { ReactNode } from 'react';
import { PrintButton } from './print-button';

// A print page is the document alone: the root layout's header (and its navigation) is removed on
// screen as well as in print, and the page is laid out for A4 landscape with a plain black table.
const PRINT_CSS = `
body:has([data-print-report]) > header { display: none !important; }
body:has([data-print-report]) { background: #fff; }
body:has([data-print-report]) > main { max-width: none; padding: 0; }
@page { size: A4 landscape; margin: 10mm 12mm; }
@media screen { [data-print-report] { max-width: 273mm; margin: 0 auto; padding: 8mm 0; } }
@media print { [data-print-report] thead { display: table-header-group; } [data-print-report] tr { break-inside: avoid; } }
`;

/** The frame of every A4-landscape print page of a report table: print button, title, notice, summary. */
export function PrintDocument({
  title, sampleNotice, summary, children, lang,
}: { title: string; sampleNotice?: string | null; summary: string; children: ReactNode; /** the document's language when it differs from the page's (an English report) */ lang?: string }) {
  return (
    <article data-print-report lang={lang} className="bg-white text-black">
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-3 flex justify-end">
        <PrintButton />
      </div>
      <h1 className="text-center text-[15pt] font-bold">{title}</h1>
      {sampleNotice && <p className="mt-1 text-center text-[9pt] font-semibold">{sampleNotice}</p>}
      <p className="mt-2 mb-2 indent-[2em] text-[10pt] leading-snug">{summary}</p>
      {children}
    </article>
  );
}
