// Starts a TypeScript worker when draftaudit runs from its sources (under tsx or vitest):
// a worker thread does not inherit tsx's loader, so it loads the module through tsx's API.
// The compiled package starts dist/engine/start.js (start.ts) instead and never uses this file.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { serve } = await tsImport(`./${workerData.module}.ts`, import.meta.url);
await serve();
