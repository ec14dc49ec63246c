import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';
import type { Context } from 'hono';
import type { FieldError } from './problem.js';
import { ApiError } from './problem.js';

// Multipart forms read as they stream (issue 9). The whole body is never buffered: a streaming parser
// (@fastify/busboy, the maintained fork of busboy) splits it part by part as chunks arrive, the parts
// are counted and the bytes capped while they arrive, and the first part too many or the first byte
// over the cap stops reading — so a form of 50,000 tiny parts is refused after its first few, not
// after all of them have been split into File objects (what `Request.formData()` does). Files are
// spooled to disk (0600, in a 0700 folder) while their SHA-256 is computed, so concurrent uploads
// hold chunks, not copies of whole screenshots.

export interface FileRule {
  /** How many parts of this name a form may carry. */
  max: number;
  maxBytes: number;
  /** The error for a part of this name beyond `max` (the form is refused there and then). */
  tooMany: string;
  /** The error for a part over `maxBytes` (the form is read on and refused with every error). */
  tooBig: string;
  /** The error for a part of this name sent as a plain field. */
  notAFile: string;
  /**
   * Whether a part's first bytes (ACCEPT_BYTES, or all of a shorter part) are of a kind this name
   * takes; a part that is not is reported with `notAccepted` and never written to the spool.
   */
  accepts?: (head: Uint8Array) => boolean;
  notAccepted?: string;
}

export interface FormSpec {
  /** The whole body; one byte more is 413, counted as it arrives. */
  maxBytes: number;
  /** Parts of any name; one more is 413. */
  maxParts: number;
  /** Parts spooled to disk. */
  files: Record<string, FileRule>;
  /** Parts read into memory as text (a file or a field alike); over `maxBytes` is 413. */
  texts: Record<string, { maxBytes: number; label: string }>;
  /** The error for a part of any other name (the form is read on). */
  unknown: string;
  spool: UploadSpool;
  /** Called as file bytes arrive, with the form's total so far; throw (e.g. the upload quota's 413) to stop. */
  onFileBytes?: (total: number) => void;
}

export interface SpooledFile {
  name: string;
  /** Its path in errors: `name[i]`, i counting this name's parts from 0. */
  path: string;
  file: string;
  size: number;
  sha256: string;
  /** The first bytes, for typing the file by its signature. */
  head: Uint8Array;
}

export interface ReadForm {
  texts: { name: string; value: string }[];
  files: SpooledFile[];
  errors: FieldError[];
  /** Removes the spooled files (call once the form's data is stored or refused). */
  discard: () => Promise<void>;
}

const HEAD_BYTES = 64;
/** Enough for any file signature sniffed here (WebP's is 12 bytes). */
export const ACCEPT_BYTES = 16;
const PARSE_SLICE = 4 * 1024;
/** Encodings a browser sends (RFC 7578 §4.7 deprecates the others); base64 is not decoded for you. */
const PLAIN_ENCODINGS = new Set(['7bit', '8bit', 'binary']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Stops a spool writer and waits until its file is closed. Not just `destroy()`: the file is opened
 * asynchronously, so one destroyed before its open completed is still created afterwards — an unlink
 * made meanwhile finds nothing, and the file (a screenshot) would stay until the next start.
 */
async function closed(writer: WriteStream): Promise<void> {
  if (writer.closed) return;
  const done = once(writer, 'close').catch(() => {});
  writer.destroy();
  await done;
}

/** Where uploads wait while a form streams in: a private folder, emptied at start. */
export class UploadSpool {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Files left by a crash mid-upload hold screenshots: nothing keeps them, so nothing may linger.
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
  }

  create(): { path: string; stream: WriteStream } {
    const path = join(this.dir, `${randomUUID()}.part`);
    return { path, stream: createWriteStream(path, { flags: 'wx', mode: 0o600 }) };
  }
}

/**
 * Chunks from the body, one read at a time. A Node request is read directly: `Readable.toWeb` (what
 * @hono/node-server's Request body is built on) counts each chunk as 1 against a high-water mark of
 * 16,384, so it reads a whole 25 MiB upload into memory as fast as the socket delivers it — six
 * concurrent uploads held 150 MB. `stop` leaves the rest unread (the server drains or closes it).
 */
function chunksOf(body: Readable | ReadableStream<Uint8Array>): {
  read: () => Promise<Uint8Array | null>;
  stop: () => void;
} {
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    return {
      read: async () => (await reader.read()).value ?? null,
      stop: () => reader.releaseLock(),
    };
  }
  const stream = body;
  return {
    async read() {
      for (;;) {
        const chunk = stream.read() as Buffer | null;
        if (chunk !== null) return chunk;
        if (stream.readableEnded) return null;
        if (stream.destroyed) throw unreadable('the connection closed before the body ended');
        await new Promise<void>((resolve, reject) => {
          const settle = (error?: unknown) => {
            stream.off('readable', settle).off('end', settle).off('close', settle).off('error', settle);
            if (error instanceof Error) reject(unreadable('the connection failed before the body ended'));
            else resolve();
          };
          stream.on('readable', settle).on('end', settle).on('close', settle).on('error', settle);
        });
      }
    },
    stop: () => {},
  };
}

const unreadable = (why: string) => new ApiError(400, `The multipart body could not be read: ${why}.`);

/**
 * Reads a `multipart/form-data` request body by `spec`. Throws ApiError for a form that must be
 * refused at once (too many parts or bytes, a text part over its limit, a file part past its count);
 * returns the per-part errors of a form read to its end for the caller to report with its own.
 */
export async function readForm(
  contentType: string,
  /** The Node request itself where there is one (see chunksOf), else the Request's body stream. */
  body: Readable | ReadableStream<Uint8Array> | null,
  spec: FormSpec,
): Promise<ReadForm> {
  const files: SpooledFile[] = [];
  const spooled: string[] = [];
  const writers = new Set<WriteStream>();
  const discard = async () => {
    await Promise.all([...writers].map(closed));
    await Promise.all(spooled.splice(0).map((path) => unlink(path).catch(() => {})));
  };

  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { 'content-type': contentType },
      limits: {
        // Backstops: the handlers below refuse first, with a clear problem.
        parts: spec.maxParts + 1,
        fileSize: Math.max(...Object.values(spec.files).map((rule) => rule.maxBytes)) + 1,
        fieldSize: Math.max(...Object.values(spec.texts).map((rule) => rule.maxBytes)) + 1,
        fieldNameSize: 200,
        headerPairs: 20,
      },
    });
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message.replace(/^Multipart: /, '') : 'no boundary');
  }

  // The first reason to stop; once set, nothing more is read and the wait under way is cut short.
  let failure: unknown;
  let interrupt: ((error: unknown) => void) | undefined;
  const fail = (error: unknown) => {
    if (failure !== undefined) return;
    failure = error;
    interrupt?.(error);
  };
  /**
   * `promise`, or the failure if one comes first. Not `Promise.race([promise, failed])`: every race
   * against one long-pending promise leaves a reaction on it that holds the race's result, so a form's
   * every chunk stayed reachable until the form ended — one whole copy of each upload in memory
   * (docs/benchmarks.md, "Memory of concurrent uploads").
   */
  const unlessFailed = <T>(promise: Promise<T>): Promise<T> => {
    if (failure !== undefined) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      interrupt = reject;
      promise.then(resolve, reject).finally(() => {
        if (interrupt === reject) interrupt = undefined;
      });
    });
  };

  const texts: { name: string; value: string }[] = [];
  const errors: FieldError[] = [];
  const counts = new Map<string, number>();
  let parts = 0;
  let fileBytes = 0;
  const pending: Promise<void>[] = [];
  const partOrder = new Map<SpooledFile, number>();

  /** Counts a part; refuses the form if it is one too many. Returns the part's path. */
  const admit = (name: string): string | undefined => {
    if (failure !== undefined) return undefined;
    parts += 1;
    const index = counts.get(name) ?? 0;
    counts.set(name, index + 1);
    const path = `${name}[${index}]`;
    const rule = spec.files[name];
    if (rule && index >= rule.max) {
      fail(
        new ApiError(422, 'The report form is not valid.', {
          errors: [...errors, { path, message: rule.tooMany }],
        }),
      );
      return undefined;
    }
    if (parts > spec.maxParts) {
      fail(
        new ApiError(
          413,
          `The form has more than ${spec.maxParts} parts: ${Object.keys(spec.texts).join(', ')} and at most ${Object.values(spec.files)[0]?.max ?? 0} ${Object.keys(spec.files).join(', ')} parts.`,
        ),
      );
      return undefined;
    }
    return path;
  };
  const tooLargeText = (name: string) => {
    const rule = spec.texts[name];
    return new ApiError(
      413,
      `The ${rule?.label ?? name} part is over the ${(rule?.maxBytes ?? 0) / 1024} KiB limit.`,
    );
  };

  parser.on('file', (name, stream: Readable, _filename, encoding) => {
    // A body that ends inside a part errors the part's stream: unheard, that would crash the process.
    stream.on('error', (error: unknown) =>
      fail(unreadable(error instanceof Error ? error.message.toLowerCase() : 'a part ended early')),
    );
    const path = admit(name);
    if (path === undefined) return void stream.resume();
    if (!PLAIN_ENCODINGS.has(encoding)) {
      errors.push({
        path: spec.files[name] ? path : name,
        message: `Content-Transfer-Encoding ${encoding} is not supported: send the bytes as they are (binary)`,
      });
      return void stream.resume();
    }
    const text = spec.texts[name];
    if (text) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > text.maxBytes) return fail(tooLargeText(name));
        chunks.push(chunk);
      });
      stream.on('end', () => {
        try {
          texts.push({ name, value: utf8.decode(Buffer.concat(chunks)) });
        } catch {
          fail(new ApiError(400, `The ${text.label} part is not valid UTF-8.`));
        }
      });
      return;
    }
    const rule = spec.files[name];
    if (!rule) {
      errors.push({ path: name, message: spec.unknown });
      return void stream.resume();
    }
    pending.push(spoolFile(name, path, rule, stream));
  });

  parser.on('field', (name, value, _nameTruncated, valueTruncated, encoding) => {
    const path = admit(name);
    if (path === undefined) return;
    if (spec.texts[name]) {
      if (valueTruncated) return fail(tooLargeText(name));
      if (!PLAIN_ENCODINGS.has(encoding))
        return void errors.push({
          path: name,
          message: `Content-Transfer-Encoding ${encoding} is not supported`,
        });
      texts.push({ name, value });
    } else if (spec.files[name]) errors.push({ path, message: spec.files[name].notAFile });
    else errors.push({ path: name, message: spec.unknown });
  });
  parser.on('partsLimit', () => fail(new ApiError(413, `The form has more than ${spec.maxParts} parts.`)));
  parser.on('error', (error: unknown) =>
    fail(
      unreadable(
        error instanceof Error ? error.message.replace(/^Multipart: /, '').toLowerCase() : 'malformed',
      ),
    ),
  );
  const finished = new Promise<void>((resolve) => parser.on('finish', resolve));

  function spoolFile(name: string, path: string, rule: FileRule, stream: Readable): Promise<void> {
    const order = parts;
    // The spool file is opened once the part's first bytes show it is wanted (rule.accepts): until
    // then its chunks wait here, and a part that is not wanted costs no file at all.
    let spool: { file: string; writer: WriteStream } | undefined;
    let waiting: Buffer[] | undefined = rule.accepts ? [] : undefined;
    let skipped = false;
    const hash = createHash('sha256');
    const head = Buffer.alloc(HEAD_BYTES);
    let size = 0;
    let over = false;
    return new Promise<void>((resolve) => {
      const done = () => {
        if (spool) writers.delete(spool.writer);
        resolve();
      };
      const write = (chunk: Buffer) => {
        hash.update(chunk);
        // Backpressure: the parser (and so the body) waits while the disk catches up.
        if (spool && !spool.writer.write(chunk)) {
          stream.pause();
          spool.writer.once('drain', () => stream.resume());
        }
      };
      const open = () => {
        const { path: file, stream: writer } = spec.spool.create();
        spooled.push(file);
        writers.add(writer);
        writer.on('error', (error) => {
          fail(error);
          done();
        });
        spool = { file, writer };
      };
      /** Decides on the part's first bytes: spool it (with what waited) or skip the rest of it. */
      const decide = () => {
        const chunks = waiting ?? [];
        waiting = undefined;
        if (rule.accepts && !rule.accepts(head.subarray(0, Math.min(size, ACCEPT_BYTES)))) {
          skipped = true;
          errors.push({ path, message: rule.notAccepted ?? 'is not a file of an accepted type' });
          return;
        }
        open();
        for (const chunk of chunks) write(chunk);
      };
      if (!rule.accepts) open();
      stream.on('data', (chunk: Buffer) => {
        if (failure !== undefined || over || skipped) return;
        if (size < HEAD_BYTES) chunk.copy(head, size, 0, Math.min(chunk.length, HEAD_BYTES - size));
        size += chunk.length;
        if (size > rule.maxBytes) {
          over = true;
          errors.push({ path, message: rule.tooBig });
          return;
        }
        fileBytes += chunk.length;
        try {
          spec.onFileBytes?.(fileBytes);
        } catch (error) {
          return fail(error);
        }
        if (waiting) {
          waiting.push(chunk);
          if (size >= ACCEPT_BYTES) decide();
          return;
        }
        write(chunk);
      });
      stream.on('end', () => {
        if (waiting && failure === undefined && !over) decide();
        if (!spool) return done();
        const { file, writer } = spool;
        writer.end(() => {
          if (!over && failure === undefined) {
            const spooledFile = {
              name,
              path,
              file,
              size,
              sha256: hash.digest('hex'),
              head: new Uint8Array(head.subarray(0, Math.min(size, HEAD_BYTES))),
            };
            files.push(spooledFile);
            partOrder.set(spooledFile, order);
          }
          done();
        });
      });
    });
  }

  const reader = body ? chunksOf(body) : undefined;
  let received = 0;
  try {
    if (!reader) throw unreadable('the body is empty');
    for (;;) {
      const value = await unlessFailed(reader.read());
      if (value === null) break;
      received += value.byteLength;
      if (received > spec.maxBytes)
        throw new ApiError(
          413,
          `The request body is over the ${Math.round(spec.maxBytes / 1024)} KiB limit.`,
        );
      // Fed in slices, checking for a refusal after each: a 64 KiB chunk of one-byte parts is ~900
      // parts, which the parser would otherwise split (an object or two each) in one synchronous go.
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      for (let offset = 0; offset < chunk.length; offset += PARSE_SLICE) {
        const more = parser.write(chunk.subarray(offset, offset + PARSE_SLICE));
        if (failure !== undefined) throw failure;
        if (!more) await unlessFailed(new Promise((resolve) => parser.once('drain', resolve)));
      }
    }
    parser.end();
    await unlessFailed(finished);
    await unlessFailed(Promise.all(pending));
    if (failure !== undefined) throw failure;
    // Files in the order their parts came (a short part is spooled only at its end, so not always
    // in the order the spool files were opened).
    files.sort((a, b) => (partOrder.get(a) ?? 0) - (partOrder.get(b) ?? 0));
    return { texts, files, errors, discard };
  } catch (error) {
    // Stop reading: what is left of the body is drained (and discarded) by the server, unparsed.
    reader?.stop();
    parser.removeAllListeners('file');
    parser.removeAllListeners('field');
    parser.on('error', () => {});
    parser.destroy();
    await discard();
    // The rest of the body is read and discarded unparsed by the server after the answer (bounded by
    // @hono/node-server's drain: 500 ms, 64 MiB), so a browser still uploading sees the problem rather
    // than a reset connection.
    throw error;
  }
}

/** The buffer spooledChunks reads into, lent to one reader at a time (a second one gets its own). */
let chunkBuffer: Buffer | undefined;

/**
 * A spooled file's bytes, `chunkBytes` at a time, for storing as evidence chunks inside a synchronous
 * transaction. Each chunk is a view of one buffer that is refilled for the next, so use it (binding it
 * to an INSERT copies it) before asking for the next: storing 30 screenshots allocates one chunk-sized
 * buffer, and no screenshot is ever whole in memory.
 */
export function* spooledChunks(file: string, size: number, chunkBytes: number): Generator<Buffer> {
  const buffer =
    chunkBuffer && chunkBuffer.length >= chunkBytes ? chunkBuffer : Buffer.allocUnsafe(chunkBytes);
  chunkBuffer = undefined;
  const fd = openSync(file, 'r');
  try {
    for (let position = 0; position < size; ) {
      const want = Math.min(chunkBytes, size - position);
      for (let filled = 0; filled < want; ) {
        const n = readSync(fd, buffer, filled, want - filled, position + filled);
        if (n === 0) throw new Error(`spooled upload ${file} is shorter than ${size} bytes`);
        filled += n;
      }
      position += want;
      yield buffer.subarray(0, want);
    }
  } finally {
    closeSync(fd);
    chunkBuffer = buffer;
  }
}

/** Bytes held in memory, `chunkBytes` at a time (views, not copies). */
export function* memoryChunks(bytes: Uint8Array, chunkBytes: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += chunkBytes)
    yield bytes.subarray(offset, offset + chunkBytes);
}

export interface BodySpec {
  /** One byte more is refused with `tooLarge`, counted as the body arrives. */
  maxBytes: number;
  tooLarge: () => ApiError;
  spool: UploadSpool;
  /** Called as bytes arrive, with the total so far; throw (e.g. the upload quota's 413) to stop. */
  onBytes?: (total: number) => void;
}

/**
 * Streams a body that is one file (an evidence upload sent as its raw bytes) to a spool file, hashing
 * it as it arrives, never holding more than a chunk of it. Refuses it at the first byte over the limit
 * (the rest is left unread, as readForm leaves a refused form). Call `discard` once it is stored.
 */
export async function spoolBody(
  body: Readable | ReadableStream<Uint8Array> | null,
  spec: BodySpec,
): Promise<{ file: Omit<SpooledFile, 'name' | 'path'>; discard: () => Promise<void> }> {
  const { path: file, stream: writer } = spec.spool.create();
  const discard = async () => {
    await closed(writer);
    await unlink(file).catch(() => {});
  };
  // A failed write is seen where it is awaited below; unheard, it would crash the process.
  let writeError: unknown;
  writer.on('error', (error) => {
    writeError ??= error;
  });
  const reader = body ? chunksOf(body) : undefined;
  const hash = createHash('sha256');
  const head = Buffer.alloc(HEAD_BYTES);
  let size = 0;
  try {
    for (;;) {
      const value = reader ? await reader.read() : null;
      if (value === null) break;
      if (size < HEAD_BYTES) head.set(value.subarray(0, Math.min(value.byteLength, HEAD_BYTES - size)), size);
      size += value.byteLength;
      if (size > spec.maxBytes) throw spec.tooLarge();
      spec.onBytes?.(size);
      hash.update(value);
      if (writeError !== undefined) throw writeError;
      if (!writer.write(value)) await once(writer, 'drain');
    }
    writer.end();
    await finished(writer);
    return {
      file: {
        file,
        size,
        sha256: hash.digest('hex'),
        head: new Uint8Array(head.subarray(0, Math.min(size, HEAD_BYTES))),
      },
      discard,
    };
  } catch (error) {
    reader?.stop();
    await discard();
    throw error;
  }
}

/** The request's body for readForm: the Node request under @hono/node-server, else the Request's stream. */
export function requestBody(c: Context): Readable | ReadableStream<Uint8Array> | null {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming && !incoming.readableDidRead ? incoming : c.req.raw.body;
}
