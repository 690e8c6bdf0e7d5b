/**
 * Deflating the report's groups of folded detail (see Deferred in fragments.ts). In a large
 * batch the HTML report is written by this thread alone, after every other stage, and a
 * tenth of that time went to zlib (at 5,000 drafts, 1.3 of 4.9 s for 110 MB of group HTML)
 * while the other core stood idle. `inAThread` hands each group to a thread of its own as
 * soon as the group is full; this thread renders the next groups meanwhile and takes the
 * bytes when the page reaches the group (`renderHtmlChunks` keeps a few groups in hand).
 *
 * The report is written synchronously, a piece at a time, so the bytes are taken
 * synchronously too: the thread answers on a port of its own, read with
 * `receiveMessageOnPort`, and counts its answers in shared memory, which this thread waits
 * on with `Atomics.wait` while an answer it needs is not there. zlib gives the same bytes for
 * the same input and level in either thread, so the page is the same byte for byte as one
 * deflated here. The HTML goes to the thread as UTF-8 bytes and comes back deflated, both
 * moved rather than copied: the thread's heap holds no group's text. A thread that does not answer within `WAIT_MS` (it could not start, or it
 * stopped) is given up: that group and every later one are deflated here.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';

/** zlib's level for a group: its default, a tenth smaller than level 1 for twice the time. */
export const GROUP_LEVEL = 6;

/** `html` deflated (raw, at GROUP_LEVEL), in base64. */
export function deflatedBase64(html: string): string {
  return deflateRawSync(Buffer.from(html, 'utf8'), { level: GROUP_LEVEL }).toString('base64');
}

export interface Deflater {
  /** Starts deflating `html`; the function returned gives `deflatedBase64(html)`, waiting for it if need be. */
  start(html: string): () => string;
  /** Lets the thread go (a deflater that started none has nothing to do). */
  close(): void;
}

/** Deflates in this thread, as `start` is called. */
export function inThisThread(): Deflater {
  return {
    start: (html) => {
      const z = deflatedBase64(html);
      return () => z;
    },
    close: () => undefined,
  };
}

/** How long this thread waits for one answer before it deflates the group itself (a group takes some 10 ms). */
export const WAIT_MS = 5_000;

/**
 * The thread's whole code: Node's own modules only, so it is given as a script (`eval`)
 * rather than as a module of the package, which the build would have to bundle and the
 * sources start through the TypeScript loader. It answers each group on the port it is
 * given (the deflated bytes copied out of zlib's larger buffer, to be moved whole), then
 * counts the answer and wakes the waiting thread. Then it collects its garbage, when the
 * process allows it (the CLI does, see bin.ts): the bytes it was given are outside its heap,
 * which grows by a few objects a group, and V8 left some 30 MB of them waiting between two
 * collections (a collection of a heap this small takes about a millisecond).
 */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const { deflateRawSync } = require('node:zlib');
const { port, answers, level } = workerData;
port.on('message', (message) => {
  const z = new Uint8Array(deflateRawSync(message.bytes, { level }));
  port.postMessage({ id: message.id, z }, [z.buffer]);
  Atomics.add(answers, 0, 1);
  Atomics.notify(answers, 0);
  message = undefined;
  if (typeof gc === 'function') gc();
});
`;
/**
 * The young generation of the thread's heap, in MB. What it keeps is a group's HTML (a large
 * object, outside the young generation) and zlib's buffers (outside the heap); V8's default
 * young generation, always committed, would stand beside the batch this thread holds.
 */
const THREAD_YOUNG_MB = 2;

/** Deflates in a thread of its own, started with the first group (see the file comment). */
export function inAThread(waitMs = WAIT_MS): Deflater {
  let thread: { worker: Worker; port: MessagePort; answers: Int32Array } | undefined;
  let failed = false;
  let next = 0;
  const answered = new Map<number, string>();

  const started = (): NonNullable<typeof thread> => {
    if (thread) return thread;
    const { port1, port2 } = new MessageChannel();
    const answers = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { port: port2, answers, level: GROUP_LEVEL }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_MB } });
    // (Its errors are its own: a thread that stops is given up at the next wait.)
    worker.on('error', () => undefined);
    worker.unref();
    return (thread = { worker, port: port1, answers });
  };

  /** The answer for `id`, waited for; undefined when the thread is given up. */
  const answer = (id: number): string | undefined => {
    const { port, answers } = thread!;
    const deadline = performance.now() + waitMs;
    for (;;) {
      const z = answered.get(id);
      if (z !== undefined) {
        answered.delete(id);
        return z;
      }
      // The count is read before the port: an answer posted after the read wakes the wait.
      const count = Atomics.load(answers, 0);
      const reply = receiveMessageOnPort(port) as { message: { id: number; z: Uint8Array } } | undefined;
      if (reply) {
        const { id: of, z } = reply.message;
        answered.set(of, Buffer.from(z.buffer, z.byteOffset, z.byteLength).toString('base64'));
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      Atomics.wait(answers, 0, count, left);
    }
  };

  return {
    start(html) {
      if (failed) return inThisThread().start(html);
      const id = next++;
      // (An array of its own, which can be moved: a Buffer of a string may share the pool's.)
      const bytes = new TextEncoder().encode(html);
      started().port.postMessage({ id, bytes }, [bytes.buffer]);
      let z: string | undefined;
      return () => {
        if (z !== undefined) return z;
        z = failed ? undefined : answer(id);
        if (z === undefined) {
          failed = true;
          z = deflatedBase64(html);
        }
        return z;
      };
    },
    close() {
      if (!thread) return;
      thread.port.close();
      void thread.worker.terminate();
      thread = undefined;
      answered.clear();
    },
  };
}
