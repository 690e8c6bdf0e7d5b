/** Writing a generated data file (data/): only when its bytes changed, saying which it was. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function writeData(url: URL, next: Uint8Array, what: string): void {
  let previous: Buffer | undefined;
  try {
    previous = readFileSync(url);
  } catch {
    // first run: no file yet
  }
  const file = fileURLToPath(url);
  if (previous && previous.equals(next)) process.stdout.write(`${file} is up to date\n`);
  else {
    writeFileSync(file, next);
    process.stdout.write(`${file} written (${what}, ${(next.length / 1e6).toFixed(2)} MB)\n`);
  }
}
