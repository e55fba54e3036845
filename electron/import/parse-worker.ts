// Worker thread of the parse pool: parses the files it is sent, answers with plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { makeLookup, type ImportLookupData } from './read-input-workbook.ts';
import { parseImportFile } from './parse-file.ts';

const lookup = makeLookup(workerData as ImportLookupData);
parentPort!.on('message', (msg: { id: number; file: string }) => {
  parseImportFile(msg.file, lookup).then(
    (parsed) => parentPort!.postMessage({ id: msg.id, parsed }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: String((e as Error)?.stack ?? e) }),
  );
});
parentPort!.postMessage({ ready: true });
