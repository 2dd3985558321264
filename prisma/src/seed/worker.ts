// Worker thread: generates the chunks it is given, in order, and posts each back.
import { parentPort, workerData } from 'node:worker_threads';
import { generateChunk, type SeedSpec } from './generate.js';

const { spec, chunks } = workerData as { spec: SeedSpec; chunks: number[] };
const port = parentPort!;
let next = 0;
let credit = 2;
let finished = false;

// Flow control: at most `credit` chunks wait in the parent, so memory stays bounded when
// Postgres is the bottleneck.
port.on('message', (m: { credit?: number }) => {
  if (m.credit) {
    credit += m.credit;
    pump();
  }
});

function pump(): void {
  while (credit > 0 && next < chunks.length) {
    credit--;
    const chunk = generateChunk(spec, chunks[next++]!);
    port.postMessage(chunk);
  }
  if (next >= chunks.length && !finished) {
    finished = true;
    port.postMessage({ done: true });
  }
}

pump();
