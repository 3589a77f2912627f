import type { DocumentSource } from '../extract/document-model';

/** The parsing jobs the reader worker does: one per format, plus telling what a legacy file converts to. */
export type ParseJob =
  | { kind: 'docx' | 'xlsx' | 'pdf' | 'html'; bytes: Uint8Array }
  | { kind: 'ole'; bytes: Uint8Array; file: string };

export type ParseResult = { source: DocumentSource } | { convertTo: 'docx' | 'xlsx' };

/** Each reader is loaded only when its format comes (pdfjs and exceljs are large). */
export async function parse(job: ParseJob): Promise<ParseResult> {
  switch (job.kind) {
    case 'docx': return { source: await (await import('./docx')).readDocx(job.bytes) };
    case 'xlsx': return { source: await (await import('./xlsx')).readXlsx(job.bytes) };
    case 'pdf': return { source: await (await import('./pdf')).readPdf(job.bytes) };
    case 'html': return { source: (await import('./html')).readHtml(job.bytes) };
    case 'ole': return { convertTo: (await import('./ole')).inspectOle(job.bytes, job.file) };
  }
}
