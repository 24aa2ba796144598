'use client';

import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import type { FormState } from '@/lib/schemas/form-state';
import { FIGURE_UPLOAD_MAX_BYTES, fileWithinLimit } from '@/lib/schemas/uploads';

/** What every preview-then-confirm import answers (figures, key-task reports, 对标值, a new plan's 专栏). */
export interface PreviewImportState extends FormState {
  importErrors?: unknown[];
  preview?: { writes: number };
}

/**
 * The browser side of an Excel import in two steps, shared by the figure, key-task, 对标值 and 专栏 imports:
 * the file is checked against the upload limit before it is sent (`maxBytes`; over it, the message key
 * `tooLarge` is shown), the submit button's value becomes the intent (preview or confirm), and the form
 * is submitted by hand so that the chosen file stays in the input between the preview and the
 * confirmation (the server reads it again). `shown` is the answer to
 * display: empty once the user picks another file (or `dismiss`es the preview).
 */
export function usePreviewImport<S extends PreviewImportState>(
  action: (previous: Awaited<S>, formData: FormData) => Promise<S>,
  { maxBytes = FIGURE_UPLOAD_MAX_BYTES, tooLarge: tooLargeMessage = 'import.tooLarge' }: { maxBytes?: number; tooLarge?: string } = {},
) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  const [tooLarge, setTooLarge] = useState(false);
  const [dismissed, setDismissed] = useState<S | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    const within = fileWithinLimit(file instanceof File ? file : null, maxBytes);
    setTooLarge(!within);
    if (!within) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    data.set('intent', submitter?.value === 'confirm' ? 'confirm' : 'preview');
    setDismissed(null);
    startTransition(() => formAction(data));
  };
  const shown = (tooLarge ? { message: tooLargeMessage } : dismissed === state ? {} : state) as S;
  const preview = shown.preview;
  return {
    form,
    submit,
    pending,
    shown,
    canConfirm: !!preview && !shown.importErrors?.length && preview.writes > 0 && !shown.ok,
    /** the chosen file (or what it is for) changed: the last answer no longer applies */
    inputChanged: () => { setTooLarge(false); setDismissed(state); },
    /** the user closes the preview: the answer goes and the form is emptied */
    dismiss: () => { setDismissed(state); form.current?.reset(); },
  };
}
