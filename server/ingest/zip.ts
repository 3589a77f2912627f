import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputError } from '../extract/decode';
import { LARGE_ENTRY_BYTES, MAX_ENTRY_RATIO, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits';

export interface ZipLimits {
  maxUnzippedBytes: number;
  maxEntryRatio: number;
}

const DEFAULT_LIMITS: ZipLimits = { maxUnzippedBytes: MAX_UNZIPPED_BYTES, maxEntryRatio: MAX_ENTRY_RATIO };

/** A zip archive's entries, checked against the limits from its central directory before anything is inflated. */
export class SafeZip {
  private constructor(private readonly zip: ZipFile, readonly entries: Map<string, Entry>) {}

  static async open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): Promise<SafeZip> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(corrupt(err)) : resolve(z!))),
    );
    const entries = new Map<string, Entry>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: Entry) => {
        if (entries.size >= MAX_ZIP_ENTRIES) return reject(new InputError(`the file is refused: its zip archive has over ${MAX_ZIP_ENTRIES} entries`));
        total += e.uncompressedSize;
        if (total > limits.maxUnzippedBytes) {
          return reject(new InputError(`the file is refused as a zip bomb: its parts would inflate to over ${Math.round(limits.maxUnzippedBytes / 1048576)} MB`));
        }
        if (e.uncompressedSize > LARGE_ENTRY_BYTES && e.uncompressedSize > limits.maxEntryRatio * Math.max(1, e.compressedSize)) {
          return reject(new InputError(`the file is refused as a zip bomb: its part ${e.fileName} would inflate ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times (over ${limits.maxEntryRatio}:1)`));
        }
        entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', (err: Error) => reject(corrupt(err)));
      zip.readEntry();
    });
    return new SafeZip(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflate one entry; yauzl stops it if it inflates past the size the directory declared. */
  async read(name: string): Promise<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new InputError(`the file is corrupt: it has no part ${name}`);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err ? reject(corrupt(err)) : resolve(s!))),
    );
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (err) {
      throw corrupt(err as Error, name);
    }
    return Buffer.concat(chunks);
  }

  async text(name: string): Promise<string> {
    return (await this.read(name)).toString('utf8');
  }

  /** Inflate every entry once, so that a lying directory is caught before a library inflates the archive itself. */
  async verifyAll(): Promise<void> {
    for (const name of this.entries.keys()) if (!name.endsWith('/')) await this.read(name);
  }
}

function corrupt(err: Error, part?: string): InputError {
  if (err instanceof InputError) return err;
  // yauzl says "too many bytes in the stream" when an entry inflates past its declared size.
  if (part) return new InputError(`the file is corrupt or a zip bomb: its part ${part} does not inflate as its zip directory declares (${err.message})`);
  return new InputError(`the file is corrupt or truncated: its zip archive cannot be read (${err.message})`);
}
