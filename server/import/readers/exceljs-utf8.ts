/**
 * exceljs 4.4's streaming reader decodes each zip chunk of an XML part on its own
 * (`utils/parse-sax.js`: `textDecoder.decode(chunk)` without `stream: true`), so a Chinese character
 * whose three UTF-8 bytes straddle two chunks becomes "���" — 沧州泰和化工有限公司 came back as
 * 沧州泰和化���有限公司 in the export round-trip test. The parser passes strings through untouched,
 * so the shared strings and the worksheets are handed to it already decoded, with a decoder that
 * carries an incomplete character over to the next chunk. Imported for its effect, once, by the
 * XLSX reader; `xlsx.test.ts` reads a sheet of thousands of Chinese names back intact.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

async function* decodedChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
const parseSharedStrings = proto._parseSharedStrings;
const parseWorksheet = proto._parseWorksheet;

proto._parseSharedStrings = function (this: ReaderInternals, entry: Readable) {
  // A readable with an encoding emits strings, split only between whole characters.
  return parseSharedStrings.call(this, entry.pipe(new PassThrough()).setEncoding('utf8'));
};
proto._parseWorksheet = function (this: ReaderInternals, iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
  return parseWorksheet.call(this, decodedChunks(iterator), sheetNo);
};
