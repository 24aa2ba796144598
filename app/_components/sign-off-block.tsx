import type { ReportData } from '@/lib/export/report';

/**
 * The sign-off block (落款) under the report on the print page: six labelled fields in two rows of three,
 * an empty one drawn as a line to be filled in by hand. The Word and Excel files carry the same lines.
 */
export function SignOffBlock({ report, className = '' }: { report: Pick<ReportData, 'signOff'>; className?: string }) {
  return (
    <dl data-testid="sign-off" className={`grid grid-cols-1 gap-x-6 gap-y-2 text-[10pt] sm:grid-cols-3 ${className}`}>
      {report.signOff.map((line) => (
        <div key={line.field} className="flex items-end gap-1">
          <dt className="shrink-0 whitespace-pre">{line.caption}</dt>
          <dd className="min-h-[1.4em] flex-1 border-b border-black px-1">{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}
