/** How the page reads the upload API's answers (web/src/lib/upload.ts); the real answers are in tests/http/upload.test.ts. */
import { describe, expect, it } from 'vitest';
import { readAnswer, reasonOf, UPLOAD_ERRORS } from '../../web/src/lib/upload';

describe('reading an upload answer', () => {
  it('takes the file’s entry when the server answered per file', () => {
    const ok = JSON.stringify({ files: [{ file: 'a.docx', ok: true, documentId: 'a', title: '方案', status: 'ADDED', tasks: 4, units: 10, warnings: ['w'] }] });
    expect(readAnswer(200, ok)).toEqual({ ok: true, documentId: 'a', title: '方案', status: 'ADDED', tasks: 4, units: 10, warnings: ['w'] });
    const refused = JSON.stringify({ files: [{ file: 'a.docx', ok: false, code: 'NO_TASKS', error: 'a.docx has no tasks: none' }] });
    expect(readAnswer(422, refused)).toEqual({ ok: false, code: 'NO_TASKS', message: 'a.docx has no tasks: none' });
  });

  it('keeps where a document with no task was not understood', () => {
    const refused = JSON.stringify({ files: [{ file: 'a.txt', ok: false, code: 'NO_TASKS', error: 'a.txt has no tasks: line 3 «由X牵头» was not understood', coverage: { kind: 'not-understood', line: 3, quote: '由X牵头' } }] });
    expect(readAnswer(422, refused)).toEqual({
      ok: false, code: 'NO_TASKS', message: 'a.txt has no tasks: line 3 «由X牵头» was not understood', coverage: { kind: 'not-understood', line: 3, quote: '由X牵头' },
    });
  });

  it('takes the request’s error when the whole request was refused', () => {
    const body = JSON.stringify({ error: { code: 'FILE_TOO_LARGE', message: 'a.pdf is over the 10 MB limit', file: 'a.pdf' } });
    expect(readAnswer(413, body)).toEqual({ ok: false, code: 'FILE_TOO_LARGE', message: 'a.pdf is over the 10 MB limit' });
  });

  it('tells an answer that is not the API’s (a proxy’s page) by its status', () => {
    expect(readAnswer(413, '<html>Request Entity Too Large</html>')).toEqual({ ok: false, code: 'REQUEST_TOO_LARGE', message: 'HTTP 413' });
    expect(readAnswer(502, '<html>Bad Gateway</html>')).toEqual({ ok: false, code: 'HTTP', message: 'HTTP 502' });
  });

  it('keeps the server’s Chinese reason beside the English one', () => {
    const refused = JSON.stringify({ files: [{ file: 'a.pdf', ok: false, code: 'UNREADABLE', error: 'a.pdf cannot be read: the PDF has no text', zh: 'a.pdf 无法读取：PDF 中没有文字' }] });
    expect(readAnswer(422, refused)).toEqual({ ok: false, code: 'UNREADABLE', message: 'a.pdf cannot be read: the PDF has no text', zh: 'a.pdf 无法读取：PDF 中没有文字' });
    const whole = JSON.stringify({ error: { code: 'NO_FILES', message: 'the request has no file', zh: '请求中没有文件' } });
    expect(readAnswer(400, whole)).toEqual({ ok: false, code: 'NO_FILES', message: 'the request has no file', zh: '请求中没有文件' });
    expect(reasonOf('a.pdf', 'a.pdf 无法读取：PDF 中没有文字')).toBe('PDF 中没有文字');
  });

  it('drops the file name the server puts before the reason', () => {
    expect(reasonOf('a.docx', 'a.docx cannot be read: the file is password-protected; save an unprotected copy')).toBe('the file is password-protected; save an unprotected copy');
    expect(reasonOf('a.docx', 'a.docx has no tasks: no numbered items')).toBe('no numbered items');
    expect(reasonOf('a b.txt', 'a b.txt: the file name is not usable')).toBe('the file name is not usable');
    expect(reasonOf('a.docx', 'something else')).toBe('something else');
  });

  it('has a Chinese and an English sentence for every code the server sends', () => {
    const codes = ['UNAUTHENTICATED', 'FORBIDDEN', 'FILE_TOO_LARGE', 'REQUEST_TOO_LARGE', 'TOO_MANY_FILES', 'BAD_FILENAME', 'DUPLICATE_DOCUMENT', 'UNREADABLE', 'NO_TASKS', 'LOAD_FAILED', 'STORE_UNAVAILABLE'];
    for (const c of codes) {
      expect(UPLOAD_ERRORS[c]?.zh, c).toMatch(/[\u4e00-\u9fff]/);
      expect(UPLOAD_ERRORS[c]?.en, c).toMatch(/^[A-Z]/);
    }
  });
});
