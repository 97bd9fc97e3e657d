// The import thread when Shixiao runs from its TypeScript sources (tests, an edited checkout):
// a worker thread does not inherit the tsx loader, so it registers it before loading the thread.
import { register } from 'tsx/esm/api';

register();
await import('./import-thread.ts');
