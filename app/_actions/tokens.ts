'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/action';
import { generateApiToken } from '@/lib/auth/api-tokens';
import { createApiToken, revokeApiToken as storeRevocation } from '@/lib/data/api-tokens';
import { issueTokenSchema, revokeTokenSchema } from '@/lib/schemas/accounts';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';

const TOKENS_PATH = '/admin/tokens';

export interface IssueTokenState extends FormState {
  /** the token itself, shown this once; only its hash is stored */
  token?: string;
}

export async function issueApiToken(_previous: IssueTokenState, formData: FormData): Promise<IssueTokenState> {
  const { user, refusal } = await authorizeAction('tokens.manage');
  if (refusal) return refusal;
  const parsed = issueTokenSchema.safeParse({ name: formData.get('name') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values: typedValues(formData, ['name']) };
  const { token, tokenHash, prefix } = generateApiToken();
  await createApiToken({ name: parsed.data.name, tokenHash, prefix, createdById: user.id });
  revalidatePath(TOKENS_PATH);
  return { ok: true, message: 'tokenIssued', token };
}

export async function revokeApiToken(_previous: FormState, formData: FormData): Promise<FormState> {
  const { refusal } = await authorizeAction('tokens.manage');
  if (refusal) return refusal;
  const parsed = revokeTokenSchema.safeParse({ tokenId: formData.get('tokenId') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields' };
  if (!(await storeRevocation(parsed.data.tokenId))) return { message: 'tokenNotFound' };
  revalidatePath(TOKENS_PATH);
  return { ok: true, message: 'tokenRevoked' };
}
