/** Authentication contracts. Passwords are checked as typed (no trimming, no truncation). */
import { z } from '@hono/zod-openapi';
import { roles } from '../domain/access/roles';
import { departmentRef, namedFields } from './common';

export const loginSchema = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(1024),
    tenant: z.string().max(80).optional(),
  })
  .openapi('Login');

export const passwordChangeSchema = z
  .object({ current_password: z.string().min(1).max(1024), new_password: z.string().min(1).max(1024) })
  .openapi('PasswordChange');

export const meSchema = z
  .object({
    user: z
      .object({
        username: z.string(),
        display_name: z.string().nullable(),
        roles: z.array(z.enum(roles)),
        departments: z.array(departmentRef),
        tenant: z.object(namedFields),
        must_change_password: z
          .boolean()
          .openapi({ description: 'An administrator set the password: change it before anything else' }),
      })
      .nullable(),
    csrf_token: z.string().nullable().openapi({ description: 'Send as X-CSRF-Token on every write' }),
  })
  .openapi('Me');

export type Me = z.infer<typeof meSchema>;

/** Whether single sign-on is configured (the login page then offers it). */
export const oidcConfigSchema = z.object({ enabled: z.boolean() }).openapi('OidcConfig');
export type OidcConfig = z.infer<typeof oidcConfigSchema>;
