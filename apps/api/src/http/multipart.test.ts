import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { readForm, UploadSpool } from './multipart.js';

// What the parser holds while a form streams in. Not a timing test: part-way through a large upload
// it measures the array-buffer bytes still allocated after full collections.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const BOUNDARY = 'multipart-test-boundary';
const CHUNK = 64 * 1024;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * A form of one `report` and one file part of `fileBytes`, delivered in fresh 64 KiB chunks, as a
 * socket delivers them. At `checkAt` bytes it pauses, collects garbage, and records how many
 * array-buffer bytes are still allocated beyond what there were before the form began.
 */
function trackedBody(fileBytes: number, checkAt: number) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="report"\r\n\r\n{}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="shot"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  let chunks = 0;
  gc();
  const baseline = process.memoryUsage().arrayBuffers;
  const seen = { delivered: 0, heldBytes: -1 };
  let sent = 0;
  let checked = false;
  const body = new Readable({
    highWaterMark: CHUNK,
    read() {
      const push = () => {
        if (sent === 0) {
          sent = 1;
          return this.push(head);
        }
        if (sent - 1 >= fileBytes) {
          this.push(tail);
          return this.push(null);
        }
        const size = Math.min(CHUNK, fileBytes - (sent - 1));
        const chunk = Buffer.alloc(size, 0x41);
        chunks += 1;
        sent += size;
        return this.push(chunk);
      };
      if (!checked && sent - 1 >= checkAt) {
        checked = true;
        setTimeout(async () => {
          // Array buffers are freed by a background sweep after the collection: let it finish.
          gc();
          await new Promise((resolve) => setTimeout(resolve, 50));
          gc();
          seen.delivered = chunks;
          seen.heldBytes = process.memoryUsage().arrayBuffers - baseline;
          push();
        }, 0);
        return;
      }
      push();
    },
  });
  return { body, seen };
}

describe('readForm', () => {
  it('lets the chunks it has written to the spool be collected while the form still streams', async () => {
    dir = mkdtempSync(join(tmpdir(), 'multipart-test-'));
    const fileBytes = 16 * 2 ** 20;
    const { body, seen } = trackedBody(fileBytes, 12 * 2 ** 20);
    const form = await readForm(`multipart/form-data; boundary=${BOUNDARY}`, body, {
      maxBytes: fileBytes + 4096,
      maxParts: 2,
      files: {
        shot: { max: 1, maxBytes: fileBytes, tooMany: 'too many', tooBig: 'too big', notAFile: 'not a file' },
      },
      texts: { report: { maxBytes: 1024, label: 'report' } },
      unknown: 'unknown part',
      spool: new UploadSpool(join(dir, 'spool')),
    });
    try {
      expect(form.errors).toEqual([]);
      expect(form.files.map((file) => file.size)).toEqual([fileBytes]);
      expect(seen.delivered).toBe(192);
      // What the parser, the spool writer and the body's buffer hold is a few chunks (~128 KiB seen);
      // racing each read against the form's one pending failure promise kept all 12 MiB reachable.
      expect(seen.heldBytes).toBeLessThan(2 * 2 ** 20);
    } finally {
      await form.discard();
    }
  });
});
