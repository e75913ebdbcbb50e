/** Evidence files of a case through the API: stored by hash outside the database, limited, served back intact. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../server/domain/case-lifecycle.ts';
import { call, EVIDENCE_LIMIT, type LedgerApp, ledgerApp } from '../helpers/ledger-app.ts';

let t: LedgerApp;
beforeAll(async () => {
  t = await ledgerApp();
});
afterAll(() => t.close());

type CaseJson = {
  id: number;
  version: number;
  status: CaseStatus;
  overdue: boolean;
  deadline: string | null;
  region_code: string;
  action: string;
  enterprise_id: string;
  rules: { rule_id: string }[];
  last_note: string | null;
  department: string | null;
};

const official = () => t.session('official');
const getCase = async (id: number) =>
  (await call(t.app, 'GET', `/api/cases/${id}`, { session: await official() })).json as CaseJson & Record<string, unknown>;

describe('evidence', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const upload = async (id: number, bytes: Uint8Array<ArrayBuffer>, name: string) => {
    const form = new FormData();
    form.set('file', new File([bytes], name));
    return call(t.app, 'POST', `/api/cases/${id}/evidence`, { session: await official(), body: form });
  };

  it('stores the file outside the database under its SHA-256, records and audits it, and serves it back intact', async () => {
    const id = (await t.casesOf(t.baotou[3] as string))[0] as number;
    const { version } = await getCase(id);
    const res = await upload(id, pdf, '验收报告.pdf');
    expect(res.status).toBe(201);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(res.json).toMatchObject({
      file_name: '验收报告.pdf',
      media_type: 'application/pdf',
      size_bytes: pdf.length,
      sha256: sha,
      uploaded_by: 'official',
    });
    const path = join(t.evidenceDir, sha.slice(0, 2), sha);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path)).toEqual(Buffer.from(pdf));
    const after = await getCase(id);
    expect(after.version).toBe(version + 1);
    expect((after.evidence as { sha256: string }[]).map((e) => e.sha256)).toEqual([sha]);
    expect((after.history as { event: string; to: string }[]).at(-1)).toMatchObject({ event: 'evidence', to: '验收报告.pdf' });
    const download = await call(t.app, 'GET', `/api/cases/${id}/evidence/${(res.json as { id: number }).id}`, {
      session: await t.session('viewer'),
    });
    expect(download.status).toBe(200);
    expect(download.res.headers.get('content-type')).toBe('application/pdf');
    expect(download.res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('验收报告.pdf')}`);
    expect(new Uint8Array(await download.res.arrayBuffer())).toEqual(pdf);
  });

  it('refuses a file over the size limit (413), of a type not accepted or not what its name says (415), or empty (400)', async () => {
    const id = (await t.casesOf(t.baotou[3] as string))[0] as number;
    const big = new Uint8Array(EVIDENCE_LIMIT + 1);
    big.set(pdf);
    expect((await upload(id, big, 'big.pdf')).status).toBe(413);
    const exe = await upload(id, new TextEncoder().encode('MZ...'), 'tool.exe');
    expect(exe.status).toBe(415);
    expect((exe.json?.error as { reason: unknown }).reason).toMatchObject({
      key: 'evidence_type',
      params: { file: 'tool.exe', ext: 'exe' },
    });
    const disguised = await upload(id, new TextEncoder().encode('<html><script>alert(1)</script>'), 'report.pdf');
    expect(disguised.status).toBe(415);
    expect((disguised.json?.error as { message: string }).message).toContain('report.pdf');
    expect((await upload(id, new Uint8Array(0), 'empty.pdf')).status).toBe(400);
    expect(((await getCase(id)).evidence as unknown[]).length).toBe(1);
  });

  it('refuses a body far over the limit before reading it', async () => {
    const id = (await t.casesOf(t.baotou[3] as string))[0] as number;
    const huge = new Uint8Array(EVIDENCE_LIMIT * 4);
    huge.set(pdf);
    const res = await upload(id, huge, 'huge.pdf');
    expect(res.status).toBe(413);
    expect((res.json?.error as { message: string }).message).toContain(`limit of ${EVIDENCE_LIMIT} bytes`);
  });

  it('answers 404 for evidence of another case', async () => {
    const other = (await t.casesOf(t.baotou[2] as string))[0] as number;
    expect((await call(t.app, 'GET', `/api/cases/${other}/evidence/1`, { session: await official() })).status).toBe(404);
  });

  it('refuses to serve a file altered on disk', async () => {
    const id = (await t.casesOf(t.baotou[1] as string))[0] as number;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const stored = (await upload(id, png, '现场照片.png')).json as { id: number; sha256: string };
    writeFileSync(join(t.evidenceDir, stored.sha256.slice(0, 2), stored.sha256), 'tampered');
    expect((await call(t.app, 'GET', `/api/cases/${id}/evidence/${stored.id}`, { session: await official() })).status).toBe(500);
  });
});
