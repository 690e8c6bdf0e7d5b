/**
 * A one-line progress display on stderr for long runs: drafts done of total, rate and time
 * left. Drawn at most ten times a second and only on a terminal; cleared when done.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Names the stage the run is in once the drafts are analysed ("grouping versions"). */
  stage(label: string): void;
  done(): void;
}

const NOOP: Progress = { update() {}, stage() {}, done() {} };

export function progressBar(stream: ProgressStream, enabled: boolean, now: () => number = () => performance.now()): Progress {
  if (!enabled || !stream.isTTY) return NOOP;
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - lastDraw < 100) return;
      lastDraw = t;
      drawn = true;
      stream.write(`\r\x1b[2K${progressLine(done, total, (t - started) / 1000, stream.columns ?? 80)}`);
    },
    stage(label) {
      drawn = true;
      stream.write(`\r\x1b[2K${label}…`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

/** The text of the progress line: a bar, counts, rate and estimated time left. */
export function progressLine(done: number, total: number, seconds: number, columns: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? (total - done) / rate : 0;
  const info = ` ${done}/${total} drafts  ${rate.toFixed(0)}/s  ETA ${formatSeconds(left)}`;
  const width = Math.max(10, Math.min(40, columns - info.length - 3));
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${info}`;
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}
