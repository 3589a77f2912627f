/** Limits that keep a hostile file (from the internet) from exhausting the server. */
export { MAX_FILE_BYTES } from '../extract/decode';

/** A zip (docx/xlsx) whose entries add up to more than this when inflated is refused unopened. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** An entry larger than this when inflated… */
export const LARGE_ENTRY_BYTES = 1024 * 1024;
/** …may not inflate more than this many times its compressed size (real XML stays under ~30:1). */
export const MAX_ENTRY_RATIO = 100;
export const MAX_ZIP_ENTRIES = 10_000;

/** How long one file may take to parse (docx/xlsx/pdf/html) before it is given up. */
export const READ_TIMEOUT_MS = 30_000;
/** How long LibreOffice may take to convert one legacy file. */
export const CONVERT_TIMEOUT_MS = 60_000;
/** Heap for the worker that parses one file; a file that needs more is refused. */
export const READER_HEAP_MB = 512;
