/** Paths of shared test inputs. */
import { fileURLToPath } from 'node:url';

export const demoPlanFile = fileURLToPath(new URL('../examples/yuzhong-2023/plan.yaml', import.meta.url));
export const sharedDir = fileURLToPath(new URL('../../shared', import.meta.url));
