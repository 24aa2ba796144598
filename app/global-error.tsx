'use client';

// The last resort when the root layout itself fails: it replaces <html>, so the locale provider is gone;
// the words come from the default locale's message file, as everywhere else.
import messages from '@/messages/zh-CN/common.json';
import { isDatabaseError } from '@/lib/http/error-digest';
import './globals.css';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = messages.error;
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 p-6 text-slate-900">
        <div role="alert" className="mx-auto max-w-xl rounded border border-red-300 bg-red-50 p-4">
          <h1 className="text-lg font-semibold text-red-900">{t.title}</h1>
          <p className="mt-1 text-sm text-red-900">{isDatabaseError(error) ? t.database : t.generic}</p>
          <button type="button" onClick={reset} className="mt-3 rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900">
            {t.retry}
          </button>
        </div>
      </body>
    </html>
  );
}
