/** Path parameters that several modules' routes share (the contracts name the plan's own). */
import { z } from '@hono/zod-openapi';
import { planParams } from '../contracts/common';

/** A code in a path: a target's, an indicator's (1 to 80 characters). */
export const codeParam = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: 'path' }, example });

/** `/api/plans/{plan}/targets/{target}/…` */
export const planTargetParams = planParams.extend({ target: codeParam('target', 't-gdp') });
