/** An extraction thread of parallel.ts: extracts each part it is sent and sends it back. */
import { parentPort } from 'node:worker_threads';
import { extractPart, type ExtractInput } from './extract';

parentPort!.on('message', ({ n, inputs }: { n: number; inputs: ExtractInput[] }) => {
  try {
    const part = extractPart(inputs, { onFile: (file, ok) => parentPort!.postMessage({ file, ok }) });
    parentPort!.postMessage({ n, part });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).message });
  }
});
