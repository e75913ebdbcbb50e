/** Records of evidence files attached to cases; the files themselves live under the evidence directory. */
import type { Queryable } from './database.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

export interface EvidenceRecord {
  id: number;
  case_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

const SELECT_EVIDENCE = `SELECT id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, ${isoOf('uploaded_at')} AS uploaded_at
  FROM case_evidence`;

export async function insertEvidence(q: Queryable, record: Omit<EvidenceRecord, 'id' | 'uploaded_at'>, at: Date): Promise<EvidenceRecord> {
  const row = await q.one<{ id: number }>(
    `INSERT INTO case_evidence (case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($case, $name, $type, $size, $sha, $by, CAST($at AS TIMESTAMP)) RETURNING id`,
    {
      case: record.case_id,
      name: record.file_name,
      type: record.media_type,
      size: record.size_bytes,
      sha: record.sha256,
      by: record.uploaded_by,
      at: sqlTimestamp(at),
    },
  );
  if (!row) throw new Error(`recording evidence "${record.file_name}" for case ${record.case_id} returned no id`);
  return { ...record, id: row.id, uploaded_at: at.toISOString() };
}

export async function listEvidence(q: Queryable, caseId: number): Promise<EvidenceRecord[]> {
  return q.all<EvidenceRecord>(`${SELECT_EVIDENCE} WHERE case_id = $case ORDER BY id`, { case: caseId });
}

export async function getEvidence(q: Queryable, caseId: number, id: number): Promise<EvidenceRecord | undefined> {
  return q.one<EvidenceRecord>(`${SELECT_EVIDENCE} WHERE case_id = $case AND id = $id`, { case: caseId, id });
}
