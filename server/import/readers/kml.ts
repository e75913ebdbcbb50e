/**
 * KML and KMZ through @tmcw/togeojson on an @xmldom/xmldom document. KML is WGS84 by definition,
 * though KML made from Chinese web maps often holds GCJ-02: --crs gcj02 overrides.
 */
import { readFile, stat } from 'node:fs/promises';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature } from 'geojson';
import iconv from 'iconv-lite';
import { reason } from '../../domain/reasons.ts';
import { encodingFromLabel } from '../encoding.ts';
import { formatMiB, importLimits } from '../limits.ts';
import { featureSource } from './geojson.ts';
import { type Source, SourceError } from './record.ts';
import { readZipEntries } from './zip-entries.ts';

/** togeojson's styling properties say nothing about the place itself. */
const STYLE_KEYS = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'icon',
  'icon-scale',
  'icon-color',
  'icon-opacity',
  'label-scale',
  'label-color',
  'label-opacity',
  'visibility',
]);

/** KML is UTF-8 unless its XML declaration says otherwise (GBK is seen in the wild). */
function decodeXml(bytes: Uint8Array): string {
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']/i.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1];
  return iconv.decode(Buffer.from(bytes), declared ? encodingFromLabel(declared) : 'utf-8');
}

/**
 * The KMZ's document: doc.kml by convention, else its first .kml, inflated within the zip limits.
 * Only the one chosen so far is held in memory.
 */
async function kmzDocument(path: string, label: string, maxBytes: number): Promise<Uint8Array> {
  const isDoc = (name: string) => name.toLowerCase().endsWith('doc.kml');
  let chosen: { name: string; chunks: Uint8Array[] } | undefined;
  await readZipEntries(
    path,
    label,
    (name) => name.toLowerCase().endsWith('.kml'),
    (name) => {
      if (chosen && (isDoc(chosen.name) || !isDoc(name))) return () => undefined;
      const document = { name, chunks: [] as Uint8Array[] };
      chosen = document;
      let size = 0;
      return (chunk) => {
        size += chunk.length;
        if (size > maxBytes) {
          throw new SourceError(
            label,
            null,
            reason('import_entry_too_large', { entry: name, limit: formatMiB(maxBytes), setting: 'GREENLINE_MAX_DOCUMENT_MB' }),
          );
        }
        document.chunks.push(chunk.slice());
      };
    },
  );
  if (!chosen) throw new SourceError(label, null, reason('import_kmz_no_kml', { format: 'KMZ', ext: '.kml' }));
  return Buffer.concat(chosen.chunks);
}

/**
 * togeojson walks folders and MultiGeometry recursively, so 200,000 nested elements overflow the
 * stack (xmldom itself parses them without recursing). Real KML nests a dozen levels or so.
 */
const MAX_KML_DEPTH = 100;

type XmlElement = NonNullable<ReturnType<DOMParser['parseFromString']>['documentElement']>;

/** The first element deeper than `limit` below `root`, found without recursing. */
function tooDeepElement(root: XmlElement, limit: number): XmlElement | undefined {
  const stack: [XmlElement, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [element, depth] = next;
    if (depth > limit) return element;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.ELEMENT_NODE) stack.push([child as XmlElement, depth + 1]);
    }
  }
  return undefined;
}

export async function readKml(path: string, label: string, kmz = false): Promise<Source> {
  const { maxDocumentBytes } = importLimits();
  let bytes: Uint8Array;
  if (kmz) bytes = await kmzDocument(path, label, maxDocumentBytes);
  else {
    const { size } = await stat(path);
    if (size > maxDocumentBytes) {
      throw new SourceError(
        label,
        null,
        reason('import_document_too_large', {
          size: formatMiB(size),
          limit: formatMiB(maxDocumentBytes),
          format: 'KML',
          setting: 'GREENLINE_MAX_DOCUMENT_MB',
        }),
      );
    }
    bytes = await readFile(path);
  }
  const text = decodeXml(bytes);
  if (text.trim() === '') throw new SourceError(label, null, reason('import_file_empty'));
  const problems: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message.split('\n')[0] ?? message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    // xmldom throws on a fatal error after reporting it.
    const detail = problems[0] ?? (error as Error).message.split('\n')[0] ?? '';
    throw new SourceError(label, null, reason('import_kml_malformed', { format: 'KML', detail }));
  }
  if (problems.length > 0 || !doc.documentElement) {
    throw new SourceError(label, null, reason('import_kml_malformed', { format: 'KML', detail: problems[0] ?? '' }));
  }
  if (doc.documentElement.localName !== 'kml') {
    throw new SourceError(label, null, reason('import_kml_root', { root: String(doc.documentElement.localName), expected: 'kml' }));
  }
  const deep = tooDeepElement(doc.documentElement, MAX_KML_DEPTH);
  if (deep) {
    throw new SourceError(
      label,
      null,
      reason('import_xml_too_deep', { limit: MAX_KML_DEPTH, element: deep.nodeName, line: deep.lineNumber ?? 0 }),
    );
  }
  const collection = kml(doc as unknown as Document);
  const features: Feature[] = collection.features.map((f) => {
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_KEYS.has(k)) properties[k] = v;
    return { type: 'Feature', properties, geometry: f.geometry, ...(f.id !== undefined ? { id: f.id } : {}) } as Feature;
  });
  return featureSource(features, { format: 'kml', crs: 'EPSG:4326', encoding: 'utf-8', notes: [] });
}
