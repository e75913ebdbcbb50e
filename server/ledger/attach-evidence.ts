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
import { reason as because, inEnglish, type Reason } from '../domain/reasons.ts';
import { type Principal, principalCovers } from '../domain/roles.ts';
import { storeEvidenceFile } from './evidence-files.ts';
import { isWriteConflict, LedgerError, type LedgerErrorStatus } from './ledger-error.ts';

const refusal = (status: LedgerErrorStatus, why: Reason) => new LedgerError(status, inEnglish(why), undefined, why);

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
  if (!current) throw refusal(404, because('case_not_found', { id: caseId }));
  if (!principalCovers(actor, current.region_code)) {
    throw refusal(403, because('case_outside_region', { id: caseId, region: current.region_code ?? '(none)', scope: actor.region ?? '' }));
  }
  if (upload.bytes.length === 0) throw refusal(400, because('evidence_empty', { file: fileName }));
  if (upload.bytes.length > settings.maxBytes) {
    throw refusal(413, because('evidence_too_large', { file: fileName, bytes: upload.bytes.length, limit: settings.maxBytes }));
  }
  const type = checkEvidenceFile(fileName, upload.bytes.subarray(0, 16));
  if (!type.ok) throw new LedgerError(415, type.message, undefined, type.reason);

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
