// A worker thread starts without the TypeScript loader the main thread runs under: register it, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./parallel-worker.ts');
