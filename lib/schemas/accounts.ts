// Schemas of the account forms. Messages are keys of the "validation" message namespace.
import { z } from 'zod';
import { idSchema, int4IdSchema } from './params';
import { LOCALES } from '@/lib/i18n/locales';
import { ROLES } from './roles';

export const USERNAME_REGEX = /^[a-zA-Z0-9_.]{3,30}$/;

const username = z.string().trim().regex(USERNAME_REGEX, 'usernameFormat');
const password = z.string().min(8, 'passwordTooShort').max(128, 'passwordTooLong');
const userId = z.string().trim().min(1, 'required').max(100, 'required');

export const signInSchema = z.object({
  username: z.string().trim().min(1, 'usernameRequired').max(100, 'usernameFormat'),
  password: z.string().min(1, 'passwordRequired').max(256, 'passwordTooLong'),
  next: z.string().max(2000).optional(),
});

export const createUserSchema = z.object({
  username,
  name: z.string().trim().min(1, 'nameRequired').max(50, 'nameTooLong'),
  role: z.enum(ROLES, 'roleInvalid'),
  password,
});

export const userAccessSchema = z.object({
  userId,
  role: z.enum(ROLES, 'roleInvalid'),
  scope: z.enum(['all', 'assigned'], 'scopeInvalid'),
  indicatorIds: z.array(int4IdSchema('indicatorInvalid')).max(500),
  /** key-task actions a staff member with assigned indicators may report (issue 16) */
  actionIds: z.array(int4IdSchema('indicatorInvalid')).max(500).default([]),
});

export const resetPasswordSchema = z.object({ userId, password });

export const setDisabledSchema = z.object({ userId, disabled: z.enum(['true', 'false']).transform((value) => value === 'true') });

export const issueTokenSchema = z.object({ name: z.string().trim().min(1, 'tokenNameRequired').max(60, 'tokenNameTooLong') });

export const revokeTokenSchema = z.object({ tokenId: idSchema });

/** The language switch: an unknown locale is ignored. */
export const localeSchema = z.object({ locale: z.enum(LOCALES) });

/** Sign-out takes nothing from the form. */
export const signOutSchema = z.object({});
