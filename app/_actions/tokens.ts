'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/auth/action';
import { generateApiToken } from '@/lib/auth/api-tokens';
import { createApiToken, revokeApiToken as storeRevocation } from '@/lib/data/api-tokens';
import { issueTokenSchema, revokeTokenSchema } from '@/lib/schemas/accounts';
import type { FormState } from '@/lib/schemas/form-state';

const TOKENS_PATH = '/admin/tokens';

export interface IssueTokenState extends FormState {
  /** the token itself, shown this once; only its hash is stored */
  token?: string;
}

export const issueApiToken = formAction<typeof issueTokenSchema, IssueTokenState>('tokens.manage', {
  schema: issueTokenSchema,
  read: (formData) => ({ name: formData.get('name') }),
  values: ['name'],
  run: async ({ input, user }) => {
    const { token, tokenHash, prefix } = generateApiToken();
    await createApiToken({ name: input.name, tokenHash, prefix, createdById: user.id });
    revalidatePath(TOKENS_PATH);
    return { ok: true, message: 'tokenIssued', token };
  },
});

export const revokeApiToken = formAction('tokens.manage', {
  schema: revokeTokenSchema,
  read: (formData) => ({ tokenId: formData.get('tokenId') }),
  run: async ({ input }) => {
    if (!(await storeRevocation(input.tokenId))) return { message: 'tokenNotFound' };
    revalidatePath(TOKENS_PATH);
    return { ok: true, message: 'tokenRevoked' };
  },
});
