// The review queue's batch approval form: the figures chosen (each as "id:version", the version the
// reviewer saw) and the ones whose warnings the reviewer confirmed.
import { z } from 'zod';
import { idSchema, INT4_MAX } from './params';

const int4 = z.number().int().min(1).max(INT4_MAX);

/** At most this many figures in one batch (a plan has a few dozen a year). */
export const BATCH_MAX_ITEMS = 500;

const batchItemSchema = z
  .string()
  .regex(/^\d{1,10}:\d{1,10}$/, 'badItem')
  .transform((text) => {
    const [id, version] = text.split(':');
    return { id: Number(id), version: Number(version) };
  })
  .pipe(z.object({ id: int4, version: int4 }));

export const batchApproveSchema = z
  .object({
    items: z.array(batchItemSchema).min(1, 'noneSelected').max(BATCH_MAX_ITEMS, 'tooMany'),
    confirmed: z.array(idSchema).max(BATCH_MAX_ITEMS, 'tooMany'),
  })
  .refine((b) => new Set(b.items.map((i) => i.id)).size === b.items.length, { path: ['items'], message: 'duplicate' });

export type BatchApproveInput = z.infer<typeof batchApproveSchema>;
