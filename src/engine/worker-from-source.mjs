// Starts the TypeScript worker when draftaudit runs from its sources (under tsx or vitest):
// a worker thread does not inherit tsx's loader, so it loads the module through tsx's API.
// The compiled package starts dist/engine/worker.js directly and never uses this file.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
