/**
 * Contracts of user, department and API-token administration. Every request body is strict:
 * an unknown key (`id`, `tenant_id`, `password_hash`, `failed_logins`, …) is a 400, so nothing
 * outside the listed fields can be assigned (ASVS V8.2.3, V15.3.3).
 */
import { z } from '@hono/zod-openapi';
import { roles } from '../domain/access/roles';
import { nullableText, requestBody } from './common';
import { cleanText } from './text';

/** What an integration token may be granted: reading and pushing data, never administration. */
export const tokenPermissions = ['data:read', 'data:write', 'plan:read', 'task:read', 'task:write'] as const;
export type TokenPermission = (typeof tokenPermissions)[number];

const username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');
const departmentCode = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');
const displayName = cleanText(z.string().trim().min(1).max(100));
const departmentName = cleanText(z.string().trim().min(1).max(200));
/** A department's names as a change gives them (an English name may be cleared with null). */
const departmentNames = { name: departmentName, name_en: departmentName.nullable().optional() };
// Passwords are checked as typed (no trim); the policy itself (length, common) is the service's,
// so a refusal carries its reason. The cap only bounds the work of hashing.
const password = z.string().min(1).max(1024);
const roleList = z.array(z.enum(roles)).max(roles.length);
const departmentList = z.array(departmentCode).max(50);

export const userParams = z.object({
  username: username.openapi({ param: { name: 'username', in: 'path' }, example: 'reporter-a' }),
});

export const departmentParams = z.object({
  code: departmentCode.openapi({ param: { name: 'code', in: 'path' }, example: 'dept-a' }),
});

export const tokenParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const userSchema = z
  .object({
    username: z.string(),
    display_name: nullableText,
    roles: z.array(z.enum(roles)),
    departments: z.array(z.string()).openapi({ description: 'Department codes' }),
    disabled: z.boolean(),
    locked: z.boolean().openapi({ description: 'Locked after too many failed logins' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('User');
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = requestBody('UserCreate', {
  username,
  display_name: displayName.optional(),
  password,
  roles: roleList.min(1),
  departments: departmentList.default([]),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = requestBody('UserUpdate', {
  display_name: displayName.nullable().optional(),
  roles: roleList.min(1).optional(),
  departments: departmentList.optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const passwordResetSchema = requestBody('PasswordReset', { password });

export const departmentEntrySchema = z
  .object({ code: z.string(), name: z.string(), name_en: nullableText })
  .openapi('DepartmentEntry');
export type DepartmentEntry = z.infer<typeof departmentEntrySchema>;

export const departmentCreateSchema = requestBody('DepartmentCreate', {
  code: departmentCode,
  ...departmentNames,
});
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;

export const departmentUpdateSchema = requestBody('DepartmentUpdate', {
  name: departmentNames.name.optional(),
  name_en: departmentNames.name_en,
});
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    department: nullableText.openapi({ description: 'Department code the token is limited to' }),
    permissions: z.array(z.enum(tokenPermissions)),
    created_by: nullableText,
    created_at: z.string(),
    expires_at: nullableText,
    revoked_at: nullableText,
    active: z.boolean(),
  })
  .openapi('ApiToken');
export type ApiToken = z.infer<typeof tokenSchema>;

export const tokenCreateSchema = requestBody('ApiTokenCreate', {
  name: cleanText(z.string().trim().min(1).max(100)),
  department: departmentCode.optional(),
  permissions: z.array(z.enum(tokenPermissions)).min(1).max(tokenPermissions.length),
  expires_at: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .optional()
    .openapi({ description: 'At most one year ahead; default one year from now' }),
});
export type ApiTokenCreate = z.infer<typeof tokenCreateSchema>;

export const tokenCreatedSchema = tokenSchema
  .extend({
    token: z.string().openapi({ description: 'Shown once: only its hash is kept', example: 'shx_…' }),
  })
  .openapi('ApiTokenCreated');
export type ApiTokenCreated = z.infer<typeof tokenCreatedSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });
export type UserList = z.infer<typeof userListSchema>;
export const departmentListSchema = z.object({ departments: z.array(departmentEntrySchema) });
export type DepartmentList = z.infer<typeof departmentListSchema>;
export const tokenListSchema = z.object({ tokens: z.array(tokenSchema) });
export type TokenList = z.infer<typeof tokenListSchema>;
