// Starts the parse worker from TypeScript sources (tests, `tsx` runs): registers tsx in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
