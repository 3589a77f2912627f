// A child process starts without the TypeScript loader the server runs under: register it, then load the reader.
import { register } from 'tsx/esm/api';

register();
await import('./extract-process.ts');
