/**
 * Attaching an evidence file to a case: type and size checked, the file stored by its SHA-256
 * outside the database, then recorded and audited in one transaction that also bumps the case's
 * version. If the transaction fails the stored file stays as an orphan under its hash, harmless
 * and reused if the same file is attached again.
 */
import { appendAudit } from '../db/audit-store.ts';
import { getCase, touchCase } from '../db/case-store.ts';
import type { Database } from '../db/database.ts';
import { type EvidenceRecord, insertEvidence } from '../db/evidence-store.ts';
import { chinaToday } from '../domain/case-lifecycle.ts';
import { checkEvidenceFile, cleanFileName } from '../domain/evidence-types.ts';
import { type Principal, principalCovers } from '../domain/roles.ts';
import { storeEvidenceFile } from './evidence-files.ts';
import { isWriteConflict, LedgerError } from './ledger-error.ts';

export interface EvidenceUpload {
  fileName: string;
  bytes: Uint8Array;
}

export interface EvidenceSettings {
  dir: string;
  maxBytes: number;
}

export async function attachEvidence(
  db: Database,
  actor: Principal,
  caseId: number,
  upload: EvidenceUpload,
  settings: EvidenceSettings,
  now: Date = new Date(),
): Promise<EvidenceRecord> {
  const fileName = cleanFileName(upload.fileName);
  const current = await getCase(db, caseId, chinaToday(now));
  if (!current) throw new LedgerError(404, `no case with id ${caseId}`);
  if (!principalCovers(actor, current.region_code)) {
    throw new LedgerError(403, `case ${caseId} is in region ${current.region_code ?? '(none)'}, outside your region ${actor.region}`);
  }
  if (upload.bytes.length === 0) throw new LedgerError(400, `evidence "${fileName}" is empty`);
  if (upload.bytes.length > settings.maxBytes) {
    throw new LedgerError(413, `evidence "${fileName}" is ${upload.bytes.length} bytes; the limit is ${settings.maxBytes} bytes`);
  }
  const type = checkEvidenceFile(fileName, upload.bytes.subarray(0, 16));
  if (!type.ok) throw new LedgerError(415, type.message);

  const sha256 = await storeEvidenceFile(settings.dir, upload.bytes);
  try {
    return await db.transaction(async (tx) => {
      const record = await insertEvidence(
        tx,
        {
          case_id: caseId,
          file_name: fileName,
          media_type: type.mediaType,
          size_bytes: upload.bytes.length,
          sha256,
          uploaded_by: actor.username,
        },
        now,
      );
      await touchCase(tx, caseId, now);
      await appendAudit(
        tx,
        [
          {
            entity: 'case',
            entity_id: String(caseId),
            actor: actor.username,
            event: 'evidence',
            from: null,
            to: fileName,
            reason: null,
            details: { evidence_id: record.id, sha256, size_bytes: record.size_bytes, media_type: record.media_type },
          },
        ],
        now,
      );
      return record;
    });
  } catch (error) {
    if (isWriteConflict(error)) throw new LedgerError(409, `case ${caseId} was being changed at the same moment; attach the file again`);
    throw error;
  }
}
