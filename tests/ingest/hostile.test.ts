/**
 * Files from the internet: each hostile case is refused with an InputError naming the reason,
 * and no temporary file is left behind.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, MAX_FILE_BYTES } from '../../server/extract/decode';
import { readDocument } from '../../server/ingest/read';
import { leftovers, libreOffice, tempDir } from './fixtures';
import { tableDocx } from './make';
import { miniDocx, para, zip } from './zip-writer';

const tmp = tempDir();
const before = leftovers();
let doc: Buffer;
beforeAll(async () => {
  doc = await libreOffice(tmp.dir, 'plan.docx', await tableDocx(), 'doc');
}, 120_000);
afterAll(() => {
  tmp.remove();
  // Nothing any reader made is left in the temp dir, and no LibreOffice of ours still runs.
  expect(leftovers()).toEqual(before);
  expect(execFileSync('ps', ['-eo', 'args']).toString()).not.toMatch(/plan-convert-/);
});

const read = (file: string, bytes: Uint8Array, options?: Parameters<typeof readDocument>[1]) => readDocument({ file, bytes }, options);

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return (err as Error).message;
}

describe('zip bombs are refused before they are inflated', () => {
  it('a .docx whose parts add up to over 200 MB', async () => {
    const zeros = Buffer.alloc(210 * 1024 * 1024);
    const bomb = zip([...miniDocx(para('萍乡市任务分解表')), { name: 'word/media/padding.bin', data: zeros }]);
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    expect(await refusal(read('bomb.docx', bomb))).toMatch(/zip bomb: its parts would inflate to over 200 MB/);
  });

  it('a part that inflates over 100 times its size', async () => {
    const bomb = zip([...miniDocx(para('x')), { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    expect(await refusal(read('bomb.docx', bomb))).toMatch(/zip bomb: its part xl\/sharedStrings.xml would inflate \d+ times \(over 100:1\)/);
  });

  it('a part whose directory lies about its size is stopped while it inflates', async () => {
    const body = para('萍乡市任务分解表').repeat(200_000);
    const entries = miniDocx(body);
    entries[2]!.declaredSize = 1000;
    expect(await refusal(read('liar.docx', zip(entries)))).toMatch(/corrupt or a zip bomb: its part word\/document.xml does not inflate as its zip directory declares/);
  });
});

describe('XML external entities are never resolved', () => {
  it('a .docx with an external entity is refused, the entity not read', async () => {
    const xxe = zip(miniDocx(para('&xxe;'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'));
    const message = await refusal(read('xxe.docx', xxe));
    expect(message).toMatch(/part word\/document.xml declares a DOCTYPE or XML entities.*refused/);
    expect(message).not.toContain('root:');
  });

  it('an .xlsx with a billion-laughs entity in any part is refused', async () => {
    const laughs = '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const xlsx = zip([
      { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>` },
      { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?>${laughs}<sst><si><t>&b;</t></si></sst>` },
    ]);
    expect(await refusal(read('laughs.xlsx', xlsx))).toMatch(/part xl\/sharedStrings.xml declares a DOCTYPE or XML entities/);
  });
});

describe('password-protected files', () => {
  const PROTECTED = 'the file is password-protected; save an unprotected copy';

  it('an encrypted .docx (an OLE file holding EncryptionInfo) is refused', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
    const bytes = Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    expect(await refusal(read('secret.docx', bytes))).toBe(PROTECTED);
  });

  it('a .doc marked encrypted in its header is refused without converting it', async () => {
    const cfb = CFB.read(doc, { type: 'buffer' });
    const word = CFB.find(cfb, 'WordDocument')!;
    const content = Buffer.from(word.content as Uint8Array);
    content.writeUInt16LE(content.readUInt16LE(0x0a) | 0x0100, 0x0a);
    word.content = content;
    const bytes = Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    expect(await refusal(read('secret.doc', bytes))).toBe(PROTECTED);
  });

  it('an encrypted PDF is refused', async () => {
    const file = join(tmp.dir, 'secret.pdf');
    execFileSync('qpdf', ['--empty', '--encrypt', 'user-pw', 'owner-pw', '256', '--', file]);
    expect(await refusal(read('secret.pdf', readFileSync(file)))).toBe(PROTECTED);
  });
});

describe('broken, mislabelled and oversized files', () => {
  it('a truncated .docx', async () => {
    const bytes = await tableDocx();
    expect(await refusal(read('cut.docx', bytes.subarray(0, bytes.length >> 1)))).toMatch(/corrupt or truncated: its zip archive cannot be read/);
  });

  it('a truncated .doc', async () => {
    expect(await refusal(read('cut.doc', doc.subarray(0, 3000)))).toMatch(/corrupt or truncated|LibreOffice could not convert/);
  });

  it('a PDF cut to its header', async () => {
    expect(await refusal(read('cut.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog')))).toMatch(/PDF/);
  });

  it('an image named .docx', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
    expect(await refusal(read('plan.docx', png))).toMatch(/binary/);
  });

  it('a file over the size limit', async () => {
    expect(await refusal(read('huge.pdf', new Uint8Array(MAX_FILE_BYTES + 1)))).toMatch(/over the 10 MB limit for one document/);
  });

  it('an OpenDocument file is named as such', async () => {
    const odt = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<office:document-content/>' }]);
    expect(await refusal(read('plan.docx', odt))).toMatch(/OpenDocument file .* save it as .docx or .xlsx/);
  });
});

describe('work that takes too long is stopped', () => {
  it('a LibreOffice conversion over its timeout is killed and its directory removed', async () => {
    expect(await refusal(read('slow.doc', doc, { convert: { timeoutMs: 50 } }))).toBe('converting the file with LibreOffice took over 0.05 s; given up (the file may be malformed)');
    expect(leftovers()).toEqual(before);
  });

  it('a parse over its timeout is stopped (the worker is terminated)', async () => {
    expect(await refusal(read('slow.docx', await tableDocx(), { readTimeoutMs: 1 }))).toBe('reading the file took over 0.001 s; given up (the file may be malformed)');
  });
});

describe('hiding and nesting', () => {
  it('a DOCTYPE after a 5 KB comment in a .docx part is still refused', async () => {
    const docx = zip(miniDocx(para('萍乡市任务分解表'), `<!--${'x'.repeat(5 * 1024)}--><!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>`));
    expect(await refusal(read('late-doctype.docx', docx))).toMatch(/declares a DOCTYPE or XML entities/);
  });

  it('a web page nested 100,000 deep is refused for its depth, not by a stack overflow', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}萍乡市行动方案${'</div>'.repeat(100_000)}</body></html>`;
    expect(await refusal(read('deep.html', Buffer.from(html)))).toMatch(/nests its elements over 500 deep/);
  });
});
