import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, cleanFileName } from './evidence-types.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('checkEvidenceFile', () => {
  it('accepts a PDF by extension and content', () => {
    expect(checkEvidenceFile('验收报告.PDF', new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ ok: true, mediaType: 'application/pdf' });
  });
  it('accepts JPEG, PNG and zip-based office files', () => {
    expect(checkEvidenceFile('a.jpg', bytes(0xff, 0xd8, 0xff, 0xe0)).ok).toBe(true);
    expect(checkEvidenceFile('a.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)).ok).toBe(true);
    expect(checkEvidenceFile('a.docx', bytes(0x50, 0x4b, 0x03, 0x04)).ok).toBe(true);
    expect(checkEvidenceFile('公文.ofd', bytes(0x50, 0x4b, 0x03, 0x04)).ok).toBe(true);
  });
  it('refuses an HTML page renamed to .pdf, naming the file', () => {
    const result = checkEvidenceFile('report.pdf', new TextEncoder().encode('<html><script>'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('"report.pdf"') });
  });
  it('refuses types not on the list and names without an extension', () => {
    expect(checkEvidenceFile('run.exe', bytes(0x4d, 0x5a))).toMatchObject({ ok: false, message: expect.stringContaining('.exe') });
    expect(checkEvidenceFile('README', bytes(0x41))).toMatchObject({ ok: false, message: expect.stringContaining('(none)') });
  });
});

describe('cleanFileName', () => {
  it('drops directories, quotes and control characters', () => {
    expect(cleanFileName('..\\..\\evil/"报告"\u0000.pdf')).toBe('报告.pdf');
  });
  it('never returns an empty name', () => {
    expect(cleanFileName('///')).toBe('evidence');
  });
});
