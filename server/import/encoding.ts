/**
 * Which text encoding a file uses, found without being told: a byte-order mark; else UTF-8 if the
 * bytes are valid UTF-8, or nearly so (a few corrupt bytes in a UTF-8 file must not turn its
 * Chinese into mojibake; the rows holding them are reported); else chardet's statistical guess.
 * CSV saved by Excel on Chinese Windows and shapefile attribute tables from Chinese GIS are
 * usually GBK, so among CJK guesses GB18030 (a superset of GBK and GB2312) wins any near tie.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DetectedEncoding {
  /** A label iconv-lite decodes: utf-8, gb18030, big5, windows-1252, utf-16le … */
  encoding: string;
  /** The file starts with a byte-order mark (to be skipped). */
  bom: boolean;
  /** How it was decided, for the preview and the import log. */
  by: 'bom' | 'ascii' | 'utf-8 check' | 'mostly utf-8' | 'chardet' | 'declared';
}

const CJK_MULTIBYTE = new Set(['EUC-KR', 'Shift_JIS', 'EUC-JP', 'Big5', 'ISO-2022-CN', 'ISO-2022-JP', 'ISO-2022-KR']);

/** Maps a declared encoding (.cpg content, --encoding, chardet name) to an iconv-lite label. */
export function encodingFromLabel(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '');
  if (['utf-8', 'utf8', '65001', 'unicode'].includes(l)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'gb_2312-80', '54936'].includes(l)) return 'gb18030';
  if (['big5', '950', 'cp950'].includes(l)) return 'big5';
  if (['1252', 'cp1252', 'windows-1252', 'iso-8859-1', 'latin1', '88591', '8859_1'].includes(l)) return 'windows-1252';
  if (/^\d{3,4}$/.test(l)) return `cp${l}`;
  if (!iconv.encodingExists(l)) throw new Error(`unknown text encoding "${label}"`);
  return l;
}

/** Drops a multi-byte sequence cut off at the end of a sample, so strict UTF-8 decoding can judge the rest. */
function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(complete ? bytes : trimIncompleteUtf8(bytes));
    return true;
  } catch {
    return false;
  }
}

/**
 * Read as UTF-8, GBK text yields several invalid sequences for every character that happens to
 * decode (measured: 4 to 7), and so does Latin-1; UTF-8 with a few corrupt bytes yields the
 * reverse. Four valid characters per invalid sequence keeps a wide margin on both sides.
 */
const MOSTLY_UTF8 = 4;

/** Mostly valid UTF-8: non-ASCII characters that decode outnumber invalid sequences MOSTLY_UTF8 to 1. */
export function isMostlyUtf8(bytes: Uint8Array, complete = true): boolean {
  const text = new TextDecoder('utf-8').decode(complete ? bytes : trimIncompleteUtf8(bytes));
  let decoded = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    // A character beyond the BMP is two UTF-16 units; count it once, by its high surrogate.
    else if (c >= 0x80 && (c < 0xdc00 || c > 0xdfff)) decoded++;
  }
  return decoded >= MOSTLY_UTF8 * invalid && decoded > 0;
}

/** `complete` says whether the sample is the whole text or only its beginning. */
export function detectEncoding(sample: Uint8Array, complete = true): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true, by: 'bom' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true, by: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true, by: 'bom' };
  if (sample.every((b) => b < 0x80)) return { encoding: 'utf-8', bom: false, by: 'ascii' };
  if (isValidUtf8(sample, complete)) return { encoding: 'utf-8', bom: false, by: 'utf-8 check' };
  if (isMostlyUtf8(sample, complete)) return { encoding: 'utf-8', bom: false, by: 'mostly utf-8' };
  const guesses = chardet.analyse(sample);
  const top = guesses[0];
  const gb = guesses.find((g) => g.name === 'GB18030');
  if (!top || (gb && (gb.confidence >= top.confidence || (CJK_MULTIBYTE.has(top.name) && gb.confidence * 2 >= top.confidence)))) {
    return { encoding: 'gb18030', bom: false, by: 'chardet' };
  }
  return { encoding: encodingFromLabel(top.name), bom: false, by: 'chardet' };
}

/** Text with U+FFFD in it held bytes the chosen encoding could not decode. */
export const UNDECODABLE = '\uFFFD';
