// Starts a TypeScript worker when draftaudit runs from its sources (under tsx or vitest):
// a worker thread does not inherit tsx's loader, so it loads the module through tsx's API.
// The compiled package starts dist/engine/<module>.js directly and never uses this file.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(`./${workerData.module}.ts`, import.meta.url);
