import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanUploads, UPLOAD_TTL_MS, UploadStore, UploadTooLargeError, uploadDir } from './upload-store.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'greenline-upload-store-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

async function store(dir = join(root, 'test.uploads'), text = 'id,name\n1,甲\n', name = '台账.csv', fields = { layer: 'enterprises' }) {
  const uploads = new UploadStore(dir);
  const file = await uploads.receive(Readable.from([Buffer.from(text)]), name);
  return { uploads, upload: await uploads.keep(file, fields) };
}

describe('uploadDir', () => {
  it('puts uploads beside the database, unless GREENLINE_UPLOAD_DIR says where', () => {
    expect(uploadDir('data/greenline.duckdb', {})).toBe('data/greenline.uploads');
    expect(uploadDir('/srv/a/city.duckdb', { GREENLINE_UPLOAD_DIR: '/var/lib/greenline/uploads' })).toBe('/var/lib/greenline/uploads');
  });

  it('gives each in-memory database a folder of its own', () => {
    expect(uploadDir(':memory:', {})).not.toBe(uploadDir(':memory:', {}));
  });
});

describe('UploadStore', () => {
  it('keeps uploads private: the folder 0700, the file and its record 0600, the name the user gave never on disk', async () => {
    const { uploads, upload } = await store();
    expect(mode(uploads.dir)).toBe(0o700);
    const files = readdirSync(uploads.dir).sort();
    expect(files).toEqual([`${upload.id}.data.csv`, `${upload.id}.upload.json`]);
    for (const f of files) expect(mode(join(uploads.dir, f))).toBe(0o600);
  });

  it('narrows a folder that already exists open to others', async () => {
    const dir = join(root, 'open.uploads');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    await store(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('finds an upload with its name, size and fields from a new store over the same folder (a restart)', async () => {
    const { uploads, upload } = await store();
    const restarted = new UploadStore(uploads.dir);
    expect(await restarted.get(upload.id)).toEqual(upload);
    expect(upload).toMatchObject({ fileName: '台账.csv', size: Buffer.byteLength('id,name\n1,甲\n'), fields: { layer: 'enterprises' } });
  });

  it('answers nothing for an id that is not an upload id, one unknown, and one expired (which it removes)', async () => {
    const { uploads, upload } = await store();
    expect(await uploads.get('../../etc/passwd')).toBeUndefined();
    expect(await uploads.get('u000000000000000000000000')).toBeUndefined();
    expect(await uploads.get(upload.id, upload.createdAt + UPLOAD_TTL_MS + 1)).toBeUndefined();
    expect(readdirSync(uploads.dir)).toEqual([]);
  });

  it('removes every file of an upload, what was unpacked from it included', async () => {
    const { uploads, upload } = await store();
    mkdirSync(upload.unzippedDir);
    writeFileSync(join(upload.unzippedDir, 'entry-0.shp'), 'x');
    await uploads.remove(upload.id);
    expect(readdirSync(uploads.dir)).toEqual([]);
  });

  it('refuses a stream over the limit and keeps nothing of it', async () => {
    const uploads = new UploadStore(join(root, 'small.uploads'), 4);
    const stream = Object.assign(Readable.from([Buffer.from('12345678')]), { truncated: true });
    await expect(uploads.receive(stream, 'big.csv')).rejects.toThrow(UploadTooLargeError);
    expect(readdirSync(uploads.dir)).toEqual([]);
  });
});

describe('cleanUploads at start-up', () => {
  it('removes expired uploads and what unfinished ones left, and leaves files not named like uploads', async () => {
    const dir = join(root, 'restart.uploads');
    const old = (await store(dir)).upload;
    const hourAgo = Date.now() / 1000 - 2 * 3600;
    // An upload cut off before its record was written, and an extraction a crash left behind.
    writeFileSync(join(dir, 'u111111111111111111111111.data.zip'), 'half');
    mkdirSync(join(dir, 'u222222222222222222222222.unzipped.part-abc'));
    // A record that does not parse is no upload.
    writeFileSync(join(dir, 'u333333333333333333333333.upload.json'), '{"id":');
    writeFileSync(join(dir, 'README.txt'), 'not ours');
    utimesSync(join(dir, 'README.txt'), hourAgo, hourAgo);

    const removed = await cleanUploads(dir, old.createdAt + UPLOAD_TTL_MS + 1);
    expect(removed.sort()).toEqual([old.id, 'u111111111111111111111111', 'u222222222222222222222222', 'u333333333333333333333333'].sort());
    expect(readdirSync(dir)).toEqual(['README.txt']);
  });

  it('keeps uploads younger than an hour, and does nothing where there is no folder yet', async () => {
    const { uploads, upload } = await store();
    expect(await cleanUploads(uploads.dir)).toEqual([]);
    expect(await new UploadStore(uploads.dir).get(upload.id)).toEqual(upload);
    expect(await cleanUploads(join(root, 'never-made'))).toEqual([]);
    expect(existsSync(join(root, 'never-made'))).toBe(false);
  });
});
