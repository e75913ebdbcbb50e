/** Schemas of the account routes. */
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/roles.ts';

export const LoginBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .openapi('Login');

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: z.enum(ROLES),
    region: z.string().nullable().openapi({ description: 'GB/T 2260 code the account is limited to' }),
  })
  .openapi('User');

export const MeSchema = z
  .object({
    user: UserSchema.nullable().openapi({ description: 'null for an anonymous caller' }),
    via: z.enum(['session', 'token']).nullable(),
    csrfToken: z.string().nullable().openapi({ description: 'Send in X-CSRF-Token with every write made with the session cookie' }),
    expiresAt: z.string().nullable(),
  })
  .openapi('Me');

export const AccountSchema = UserSchema.extend({ disabled: z.boolean(), created_at: z.string() }).openapi('Account');

export const ApiTokenSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    username: z.string(),
    label: z.string(),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .openapi('ApiToken');

export const NewTokenBody = z
  .object({
    label: z.string().trim().min(1).max(100),
    expires_in_days: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .openapi('NewApiToken');

export const TokenIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** Names and passwords are checked by server/auth/accounts.ts, whose refusals carry a reason the UI words. */
export const NewAccountBody = z
  .object({
    username: z.string().min(1).max(64),
    role: z.enum(ROLES),
    region: z.string().max(6).nullable().optional().openapi({ description: 'GB/T 2260 code; only viewer and official accounts take one' }),
    password: z.string().min(1).max(1024).openapi({ description: 'The initial password: at least 10 characters, not the username' }),
  })
  .strict()
  .openapi('NewAccount');

export const AccountPatchBody = z
  .object({
    role: z.enum(ROLES).optional(),
    region: z
      .string()
      .max(6)
      .nullable()
      .optional()
      .openapi({ description: 'null for all regions; when left out, kept if the new role takes a region, else dropped' }),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => body.role !== undefined || body.region !== undefined || body.disabled !== undefined, {
    message: 'name at least one of role, region, disabled',
  })
  .openapi('AccountPatch');

export const PasswordBody = z
  .object({ password: z.string().min(1).max(1024).openapi({ description: 'At least 10 characters, not the username' }) })
  .strict()
  .openapi('NewPassword');

export const UsernameParam = z.object({
  username: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'username', in: 'path' }, example: 'bt-official' }),
});

export const TokenListQuery = z.object({
  user: z.string().min(1).max(64).optional().openapi({ description: "Only this account's tokens" }),
});
