/**
 * The files an official may attach as evidence, recognised by extension AND by their first bytes,
 * so a renamed executable or HTML page is refused rather than stored and served back.
 */
import { inEnglish, type Reason, reason } from './reasons.ts';

export interface EvidenceType {
  extensions: readonly string[];
  mediaType: string;
  /** Leading bytes every file of the type starts with. */
  magic: readonly number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { extensions: ['pdf'], mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { extensions: ['png'], mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  { extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  // OFD (GB/T 33190-2016) is the Chinese fixed-layout format many government documents come in.
  { extensions: ['ofd'], mediaType: 'application/ofd', magic: ZIP },
];

export const EVIDENCE_EXTENSIONS = EVIDENCE_TYPES.flatMap((t) => t.extensions);

export type EvidenceCheck = { ok: true; mediaType: string } | { ok: false; message: string; reason: Reason };

export function checkEvidenceFile(fileName: string, head: Uint8Array): EvidenceCheck {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const type = ext ? EVIDENCE_TYPES.find((t) => t.extensions.includes(ext)) : undefined;
  if (!type) {
    const why = reason('evidence_type', { file: fileName, ext: ext ?? '(none)', allowed: EVIDENCE_EXTENSIONS.join(', ') });
    return { ok: false, message: inEnglish(why), reason: why };
  }
  if (!type.magic.every((b, i) => head[i] === b)) {
    const why = reason('evidence_content', { file: fileName, ext: ext as string });
    return { ok: false, message: inEnglish(why), reason: why };
  }
  return { ok: true, mediaType: type.mediaType };
}

/** A file name safe to store and to put in a Content-Disposition header: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned.slice(-200) || 'evidence';
}
