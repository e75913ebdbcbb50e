/**
 * What an import can find wrong with a file, row or value, in Chinese and English. Part of the
 * one reasons catalogue (reasons.ts); kept in its own file because imports have many of them.
 *
 * The English wording is also the problem's `message`, which the CLI prints and logs keep, so it
 * stays as the importer has always written it. Names of formats, standards, settings and CRS codes
 * come in as parameters, so that a wording never carries Latin of its own into the Chinese.
 */
import type { Lang, Params, Wording } from './reasons.ts';

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en') : String(v));

/** "polygon 2, ring 1" / "第 2 个多边形的第 1 个环"; polygon 0 means a single polygon. */
function ring(p: Params, lang: Lang): string {
  if (lang === 'zh') return `${p.polygon ? `第 ${p.polygon} 个多边形的` : ''}第 ${p.ring} 个环`;
  return `${p.polygon ? `polygon ${p.polygon}, ` : ''}ring ${p.ring}`;
}

/** One side of a crossing: "polygon 1 ring 2 edge 3" from a_polygon, a_ring, a_edge (or b_…). */
function edge(p: Params, side: 'a' | 'b', lang: Lang): string {
  const polygon = p[`${side}_polygon`];
  if (lang === 'zh') return `${polygon ? `第 ${polygon} 个多边形` : ''}第 ${p[`${side}_ring`]} 个环的第 ${p[`${side}_edge`]} 条边`;
  return `${polygon ? `polygon ${polygon} ` : ''}ring ${p[`${side}_ring`]} edge ${p[`${side}_edge`]}`;
}

function crossing(p: Params, lang: Lang): string {
  if (lang === 'zh') {
    const more = p.more ? `（另有${p.more_at_least ? '至少' : ''} ${p.more} 处）` : '';
    return `${edge(p, 'a', lang)}与${edge(p, 'b', lang)}在 ${p.x}, ${p.y} 处${p.along ? '重合' : '相交'}${more}`;
  }
  const more = p.more ? ` (and ${p.more_at_least ? 'at least ' : ''}${p.more} more place(s))` : '';
  return `${edge(p, 'a', lang)} ${p.along ? 'runs along' : 'crosses'} ${edge(p, 'b', lang)} at ${p.x}, ${p.y}${more}`;
}

/**
 * What projected numbers look like (crs-hint.ts): hint is gk_zone (with gk_width, gk_zone, gk_cm,
 * gk_code), gk (with gk3, gk6), mercator (with code), swapped, or absent.
 */
export function projectedHintText(p: Params, lang: Lang): string {
  switch (p.hint) {
    case 'gk_zone':
      return lang === 'zh'
        ? `像是国家 2000 坐标系 ${p.gk_width}° 分带高斯–克吕格投影第 ${p.gk_zone} 带（中央经线东经 ${p.gk_cm}°），横坐标带有带号：请将坐标系设为 ${p.gk_code}`
        : `looks like CGCS2000 Gauss–Krüger ${p.gk_width}° zone ${p.gk_zone} (central meridian ${p.gk_cm}°E) with the zone in the easting: try --crs ${p.gk_code}`;
    case 'gk':
      return lang === 'zh'
        ? `像是不带带号的高斯–克吕格投影米制坐标：请指定所在投影带的坐标系，如 ${p.gk3}（3° 带）或 ${p.gk6}（6° 带）`
        : `looks like Gauss–Krüger metres without a zone prefix: pass --crs with the zone, e.g. ${p.gk3} (3° zones) or ${p.gk6} (6° zones)`;
    case 'mercator':
      return lang === 'zh'
        ? `像是网络墨卡托投影的米制坐标：请将坐标系设为 ${p.code}`
        : `looks like Web Mercator metres: try --crs ${p.code}`;
    case 'swapped':
      return lang === 'zh' ? '像是经纬度填反了' : 'looks like lat/lon swapped';
    default:
      return '';
  }
}

const hinted = (p: Params, lang: Lang) => {
  const hint = projectedHintText(p, lang);
  return hint ? (lang === 'zh' ? `（${hint}）` : ` (${hint})`) : '';
};

/** A region named in a jurisdiction message: English by its English name beside the Chinese one. */
function region(p: Params, side: 'near' | 'in', lang: Lang): string {
  const name = p[`${side}_name`];
  const nameEn = p[`${side}_name_en`];
  const code = p[`${side}_code`];
  return lang === 'zh' ? `${name}（${code}）` : `${name}${nameEn ? ` ${nameEn}` : ''} (${code})`;
}

/** The columns a file lacks, by field: name, lon/lat, enterprise_id, year. */
const COLUMN_NAMES: Record<string, Record<Lang, string>> = {
  name: { zh: '名称', en: 'name' },
  'lon/lat': { zh: '经纬度', en: 'lon/lat' },
  enterprise_id: { zh: '企业编号（或统一社会信用代码）', en: 'enterprise id (or credit code)' },
  year: { zh: '年份', en: 'year' },
};
const columnNames = (list: unknown, lang: Lang) =>
  String(list)
    .split(',')
    .map((c) => COLUMN_NAMES[c]?.[lang] ?? c)
    .join(lang === 'zh' ? '和' : ' and ');

export const IMPORT_WORDING = {
  // The file as a whole.
  import_no_data_rows: { zh: () => '文件没有数据行', en: () => 'the file has no data rows' },
  import_no_features: { zh: () => '文件中没有要素', en: () => 'the file has no features' },
  import_file_empty: { zh: () => '文件是空的', en: () => 'the file is empty' },
  import_no_header: { zh: () => '文件没有表头行', en: () => 'the file has no header row' },
  import_too_many_rows: {
    zh: (p) => `文件超过 ${n(p.max)} 行，超出导入上限（${p.setting}），请拆分后分批导入`,
    en: (p) => `the file has more than ${n(p.max)} rows, the import limit (${p.setting}); split it`,
  },
  import_missing_columns: {
    zh: (p) => `表头 ${p.headers} 中找不到${columnNames(p.missing, 'zh')}列；请修改表头，或指定列的对应关系`,
    en: (p) => `no ${columnNames(p.missing, 'en')} column among headers ${p.headers}; use --map "HEADER=field"`,
  },
  import_file_too_large: {
    zh: (p) => `文件大小为 ${p.size}，超过导入上限 ${p.limit}（${p.setting}）`,
    en: (p) => `the file is ${p.size}, more than the import limit of ${p.limit} (${p.setting})`,
  },
  import_document_too_large: {
    zh: (p) => `文件大小为 ${p.size}，超过 ${p.format} 文件的上限 ${p.limit}（此类文件须整体读入；${p.setting}）`,
    en: (p) => `the file is ${p.size}, more than ${p.limit}, the limit for ${p.format}, which is read whole (${p.setting})`,
  },
  import_zip_misnamed: {
    zh: (p) => `该文件其实是压缩包（可能是电子表格工作簿），扩展名却是 ${p.ext}；请按内容改正扩展名`,
    en: (p) => `this is a zip (perhaps an XLSX workbook) named ${p.ext}; rename it to .xlsx or .zip`,
  },
  import_xls_unsupported: {
    zh: (p) => `不支持旧版 ${p.ext} 格式（97–2003 版电子表格），请另存为 ${p.instead} 后再导入`,
    en: () => 'the old Excel 97–2003 .xls format is not supported; save the sheet as .xlsx or CSV',
  },
  import_unsupported_type: {
    zh: (p) => `不支持的文件类型“${p.ext || '（无扩展名）'}”，支持的类型：${p.expected}`,
    en: (p) => `unsupported file type "${p.ext || '(none)'}"; expected one of ${p.expected}`,
  },
  import_read_failed: {
    zh: (p) => `无法读取文件：${p.detail}`,
    en: (p) => `the file could not be read: ${p.detail}`,
  },

  // CSV.
  import_quote_unclosed: {
    zh: () => '有一个带引号的单元格没有闭合，其后的全部内容都被读成了同一个单元格',
    en: () => 'a quoted cell is never closed, so the rest of the file reads as one cell',
  },
  import_quote_malformed: {
    zh: (p) => `有一个带引号的单元格格式有误（${p.detail}）`,
    en: (p) => `a quoted cell is malformed (${p.detail})`,
  },
  import_row_too_long: {
    zh: (p) => `该行超过 ${n(p.max)} 个字符，是否有引号未闭合？`,
    en: (p) => `the row is longer than ${n(p.max)} characters; is a quote left open?`,
  },
  import_csv_failed: {
    zh: (p) => `无法解析该行：${p.detail}`,
    en: (p) => `${p.detail}`,
  },

  // XLSX.
  import_xlsx_unreadable: {
    zh: (p) => `不是可读取的 ${p.format} 工作簿（${p.detail}）`,
    en: (p) => `not a readable XLSX workbook (${p.detail})`,
  },
  import_sheet_not_found: {
    zh: (p) => `工作簿中没有名为“${p.sheet}”的工作表；${p.sheets ? `现有工作表：${p.sheets}` : '工作簿中没有工作表'}`,
    en: (p) => `no sheet named "${p.sheet}"; the workbook has ${p.sheets || 'no sheets'}`,
  },
  import_no_sheets: { zh: () => '工作簿中没有工作表', en: () => 'the workbook has no sheets' },
  import_sheet_empty: { zh: (p) => `工作表“${p.sheet}”是空的`, en: (p) => `sheet "${p.sheet}" is empty` },

  // GeoJSON and KML, read whole.
  import_json_invalid: {
    zh: (p) => `不是有效的 ${p.format}（${p.detail}）`,
    en: (p) => `not valid JSON (${p.detail})`,
  },
  import_json_too_deep: {
    zh: (p) => `${p.feature ? `第 ${p.feature} 个要素` : '文件'}的数组和对象嵌套了 ${n(p.depth)} 层，上限为 ${p.limit} 层`,
    en: (p) =>
      `${p.feature ? `feature ${p.feature}` : 'the file'} nests arrays and objects ${n(p.depth)} levels deep; the limit is ${p.limit}`,
  },
  import_geojson_no_features: {
    zh: (p) => `要素集合（${p.type}）缺少“${p.member}”数组`,
    en: () => 'FeatureCollection has no "features" array',
  },
  import_geojson_type: {
    zh: (p) => `应为 ${p.format} 要素集合、要素或几何对象，实际类型为“${p.type}”`,
    en: (p) => `expected a GeoJSON FeatureCollection, Feature or geometry, found type "${p.type}"`,
  },
  import_kml_malformed: {
    zh: (p) => `不是格式正确的 ${p.format} 文件（${p.detail || '没有根元素'}）`,
    en: (p) => `not well-formed KML (${p.detail || 'no root element'})`,
  },
  import_kml_root: {
    zh: (p) => `根元素是 <${p.root}>，而不是 <${p.expected}>`,
    en: (p) => `the root element is <${p.root}>, not <kml>`,
  },
  import_xml_too_deep: {
    zh: (p) => `元素嵌套超过 ${p.limit} 层（在 <${p.element}>${p.line ? `，第 ${p.line} 行` : ''}）`,
    en: (p) => `elements nest more than ${p.limit} levels deep (at <${p.element}>${p.line ? ` on line ${p.line}` : ''})`,
  },
  import_kmz_no_kml: {
    zh: (p) => `${p.format} 压缩包中没有 ${p.ext} 文档`,
    en: () => 'the KMZ holds no .kml document',
  },
  import_entry_too_large: {
    zh: (p) => `压缩包中的“${p.entry}”超过 ${p.limit}，即整体读入文件的上限（${p.setting}）`,
    en: (p) => `entry "${p.entry}" is larger than ${p.limit}, the limit for a document read whole (${p.setting})`,
  },

  // Parquet.
  import_parquet_unreadable: {
    zh: (p) => `不是可读取的 ${p.format} 文件（${p.detail}）`,
    en: (p) => `not a readable Parquet file (${p.detail})`,
  },
  import_parquet_failed: {
    zh: (p) => `读取 ${p.format} 文件时出错：${p.detail}`,
    en: (p) => `${p.detail}`,
  },

  // Zipped shapefiles and zips.
  import_not_zip: {
    zh: (p) => `不是压缩包；矢量图层须连同其 ${p.sidecars} 文件一起压缩后上传`,
    en: () => 'not a zip file; a shapefile must be zipped with its .dbf, .prj and .cpg',
  },
  import_zip_no_shp: {
    zh: (p) => `压缩包中没有 ${p.ext} 文件`,
    en: () => 'the zip holds no .shp file',
  },
  import_zip_layer_not_found: {
    zh: (p) => `压缩包中没有名为“${p.layer}”的矢量图层；现有图层：${p.layers}`,
    en: (p) => `no shapefile "${p.layer}" in the zip; it holds ${p.layers}`,
  },
  import_zip_many_layers: {
    zh: (p) => `压缩包中有 ${p.count} 个矢量图层（${p.layers}），请选择其中一个`,
    en: (p) => `the zip holds ${p.count} shapefiles (${p.layers}); pick one with --layer NAME`,
  },
  import_shp_no_dbf: {
    zh: (p) => `矢量图层“${p.layer}”缺少属性表（${p.ext}）`,
    en: (p) => `shapefile "${p.layer}" has no .dbf attribute table`,
  },
  import_shp_unreadable: {
    zh: (p) => `无法读取该矢量图层（${p.detail}）`,
    en: (p) => `not a readable shapefile (${p.detail})`,
  },
  import_shp_record_unreadable: {
    zh: (p) => `无法读取这条记录（${p.detail}）；${p.ext} 文件可能不完整`,
    en: (p) => `the record cannot be read (${p.detail}); the .shp may be truncated`,
  },
  import_cpg_unknown: {
    zh: (p) => `${p.ext} 文件声明的编码“${p.encoding}”无法识别，已改为自动识别编码`,
    en: (p) => `the .cpg names an unknown encoding "${p.encoding}"; detected the encoding instead`,
  },
  import_cpg_not_utf8: {
    zh: (p) => `${p.ext} 文件声明为 ${p.declared}，但属性表并非有效的 ${p.declared} 文本；已按 ${p.encoding} 读取`,
    en: (p) => `the .cpg says UTF-8 but the attribute table is not valid UTF-8; read it as ${p.encoding}`,
  },
  import_deleted_records: {
    zh: (p) => `已跳过 ${p.ext} 中标记为删除的 ${p.count} 条记录`,
    en: (p) => `skipped ${p.count} record(s) marked deleted in the .dbf`,
  },
  import_zip_unreadable: {
    zh: (p) => `不是可读取的压缩包（${p.detail}）`,
    en: (p) => `not a readable zip file (${p.detail})`,
  },
  import_zip_entry_inflate: {
    zh: (p) => `压缩包中的“${p.entry}”无法解压（${p.detail}）`,
    en: (p) => `entry "${p.entry}" cannot be inflated (${p.detail})`,
  },
  import_zip_entry_unreadable: {
    zh: (p) => `压缩包中的“${p.entry}”无法读取（${p.detail}）`,
    en: (p) => `entry "${p.entry}" cannot be read (${p.detail})`,
  },
  import_zip_method: {
    zh: (p) => `压缩包中的“${p.entry}”使用了压缩方式 ${p.method}；只能读取未压缩或 ${p.supported} 压缩的文件`,
    en: (p) => `entry "${p.entry}" uses compression method ${p.method}; only stored and deflated entries are read`,
  },
  import_zip_too_large: {
    zh: (p) => `压缩包解压后超过 ${p.limit}（上限，${p.setting}）；在读取“${p.entry}”时拒绝`,
    en: (p) => `the zip expands to more than ${p.limit} (the limit, ${p.setting}); refused while reading entry "${p.entry}"`,
  },
  import_zip_bomb: {
    zh: (p) =>
      `压缩包中的“${p.entry}”解压后超过压缩大小的 ${p.ratio} 倍（${p.compressed} 解压到 ${p.produced} 以上；上限见 ${p.setting}），疑似压缩炸弹，已拒绝`,
    en: (p) =>
      `entry "${p.entry}" expands more than ${p.ratio} times its compressed size (${p.compressed} to over ${p.produced}; the limit is ${p.setting}); refusing what looks like a zip bomb`,
  },

  // Coordinate reference systems.
  import_crs_unreadable: {
    zh: (p) => `无法识别坐标系“${p.crs}…”`,
    en: (p) => `CRS "${p.crs}…" is neither an EPSG code nor valid PROJJSON`,
  },
  import_crs_no_code: {
    zh: (p) => `文件中的坐标系“${p.name || '未命名'}”没有 ${p.authority} 编号，请指定坐标系`,
    en: (p) => `CRS "${p.name || 'unnamed'}" in PROJJSON has no EPSG id; pass --crs`,
  },
  import_crs_unusable: {
    zh: (p) => `无法使用文件中的坐标系“${p.name}”：${p.detail}；请指定坐标系`,
    en: (p) => `cannot use the CRS "${p.name}" from the file: ${p.detail}; pass --crs`,
  },
  import_crs_unsupported: {
    zh: (p) => `不支持坐标系“${p.crs}”，可用的坐标系：${p.supported}`,
    en: (p) => `unsupported CRS "${p.crs}"; expected ${p.supported}`,
  },
  import_crs_old_datum: {
    zh: (p) =>
      `${p.ext} 文件描述的“${p.name}”基于${p.datum ? ` ${p.datum} ` : '旧'}大地基准，只有 ${p.exact} 可以精确换算；请先将数据转换为 ${p.target}`,
    en: (p) =>
      `the .prj describes "${p.name}" on the ${p.datum || 'old'} datum; only WGS84 and CGCS2000 can be converted exactly — convert the data to CGCS2000 (EPSG:4490) first`,
  },
  import_crs_failed: {
    zh: (p) => `无法使用该坐标系：${p.detail}`,
    en: (p) => `${p.detail}`,
  },
  import_crs_not_degrees: {
    zh: () => '坐标不是经纬度，请指定坐标系',
    en: () => 'the coordinates are not degrees; pass the CRS',
  },
  import_crs_hint: {
    zh: (p) => projectedHintText(p, 'zh'),
    en: (p) => projectedHintText(p, 'en'),
  },

  // Points.
  import_no_geometry: { zh: () => '要素没有几何图形', en: () => 'feature has no geometry' },
  import_not_point: {
    zh: (p) => `企业须为点要素（${p.expected}），实际为 ${p.type}`,
    en: () => 'enterprises must be Point features',
  },
  import_point_not_numbers: { zh: () => '点坐标必须是两个数字', en: () => 'point coordinates must be two numbers' },
  import_missing_lon: { zh: () => '缺少经度', en: () => 'missing longitude' },
  import_lon_not_number: { zh: () => '经度不是数字', en: () => 'longitude is not a number' },
  import_missing_lat: { zh: () => '缺少纬度', en: () => 'missing latitude' },
  import_lat_not_number: { zh: () => '纬度不是数字', en: () => 'latitude is not a number' },
  import_out_of_range: {
    zh: (p) => `坐标超出范围：经度须在 ±180 以内，纬度须在 ±90 以内${hinted(p, 'zh')}`,
    en: (p) => `coordinates out of range: longitude must be within ±180 and latitude within ±90${hinted(p, 'en')}`,
  },
  import_point_swapped: {
    zh: () => '点位于辖区之外，像是经纬度填反了',
    en: () => 'point lies outside the jurisdiction; looks like lat/lon swapped',
  },
  import_wgs84_failed: {
    zh: (p) => `无法换算为经纬度：${p.detail}`,
    en: (p) => `cannot convert to WGS84: ${p.detail}`,
  },
  import_wgs84_not_finite: {
    zh: () => '换算为经纬度后没有得到有效的点，请检查坐标系',
    en: () => 'conversion to WGS84 gave no finite point; check the CRS',
  },
  import_point_outside: {
    zh: (p) => {
      const where = p.near_code ? `，距${region(p, 'near', 'zh')}${p.km} 公里` : '';
      const advice = p.in_code ? `该点位于${region(p, 'in', 'zh')}，但其边界尚未载入：请先将其作为行政区划图层导入` : '请检查坐标和坐标系';
      return `点 ${p.lon}, ${p.lat} 位于辖区之外${where}；${advice}`;
    },
    en: (p) => {
      const where = p.near_code ? `: ${p.km} km from ${region(p, 'near', 'en')}` : '';
      const advice = p.in_code
        ? `it is in ${region(p, 'in', 'en')}, whose boundary is not loaded: import it as zones of kind region first`
        : 'check the coordinates and the CRS';
      return `point ${p.lon}, ${p.lat} lies outside the jurisdiction${where}; ${advice}`;
    },
  },

  // Enterprise records.
  import_missing_id: { zh: () => '缺少编号，也没有可用作编号的统一社会信用代码', en: () => 'missing id, and no credit code to use as one' },
  import_missing_name: { zh: () => '缺少企业名称', en: () => 'missing enterprise name' },
  import_missing_sector: {
    zh: (p) => `缺少行业代码（${p.standard}）`,
    en: (p) => `missing ${p.standard} sector code`,
  },
  import_unknown_sector: {
    zh: (p) => `不是有效的 ${p.standard} 行业代码（示例：${p.examples}）`,
    en: (p) => `unknown ${p.standard} sector code (expected e.g. C3110 or 3110)`,
  },
  import_region_code_digits: {
    zh: (p) => `行政区划代码（${p.standard}）应为六位数字`,
    en: (p) => `${p.standard} region codes have six digits`,
  },
  import_unknown_status: {
    zh: (p) => `无法识别的生产状态；应为在产、停产、关停、在建、拟建等，或代码 ${p.allowed} 之一`,
    en: (p) => `unknown plant status; expected one of ${p.allowed} or their Chinese names`,
  },
  import_unknown_accuracy: {
    zh: (p) => `无法识别的定位精度；应为精确或近似（${p.allowed}）`,
    en: () => 'expected exact or approximate',
  },
  import_year_1900: {
    zh: (p) => `应为 ${p.from} 至 ${p.to} 之间的年份`,
    en: (p) => `expected a year between ${p.from} and ${p.to}`,
  },
  import_non_negative: { zh: () => '应为非负数', en: () => 'expected a non-negative number' },
  import_not_yes_no: {
    zh: (p) => `应为是或否（也可写作 ${p.allowed}）`,
    en: () => 'expected yes/no (true/false, 1/0 or the Chinese words for them)',
  },
  import_unknown_unit: {
    zh: (p) => `产能单位不在单位表中（${p.units}）：按原样保存并显示，但不会与其他产能相加`,
    en: (p) => `capacity unit not in the units table (${p.units}): kept as recorded, shown but never added to other capacities`,
  },
  import_credit_code_length: {
    zh: (p) => `统一社会信用代码“${p.code}”有 ${p.length} 位，应为 18 位`,
    en: (p) => `credit code "${p.code}" has ${p.length} characters, expected 18`,
  },
  import_credit_code_alphabet: {
    zh: (p) => `统一社会信用代码“${p.code}”含有不允许的字符（只能是数字 0–9 和除 ${p.excluded} 以外的大写字母 ${p.letters}）`,
    en: (p) => `credit code "${p.code}" contains a character outside 0-9 and A-Y without I, O, S, V, Z`,
  },
  import_credit_code_check: {
    zh: (p) => `统一社会信用代码“${p.code}”的校验码不正确（应为 ${p.expected}）`,
    en: (p) => `credit code "${p.code}" fails its check character (expected ${p.expected})`,
  },
  import_duplicate_id: {
    zh: (p) => `编号重复；第 ${p.first} 行已使用`,
    en: (p) => `duplicate id; first used at row ${p.first}`,
  },
  import_credit_code_in_file: {
    zh: (p) => `该统一社会信用代码已被本文件中的企业 ${p.other} 使用`,
    en: (p) => `credit code already used by enterprise ${p.other} in this file`,
  },
  import_credit_code_in_database: {
    zh: (p) => `该统一社会信用代码已属于数据库中的企业 ${p.other}`,
    en: (p) => `credit code already belongs to enterprise ${p.other} in the database`,
  },
  import_id_in_database: {
    zh: (p) => `该编号已属于数据库中的“${p.name}”（统一社会信用代码 ${p.stored}），与本行的 ${p.code} 不是同一家企业`,
    en: (p) =>
      `id already belongs to ${p.name} (credit code ${p.stored}) in the database, a different enterprise from this row's ${p.code}`,
  },
  import_credit_code_changed: {
    zh: (p) => `将 ${p.id} 的统一社会信用代码由 ${p.stored} 改为本行的代码`,
    en: (p) => `changes the credit code of ${p.id} from ${p.stored}`,
  },

  // Indicator records.
  import_missing_indicator_ref: {
    zh: () => '缺少企业编号（或统一社会信用代码）',
    en: () => 'missing enterprise id (or credit code)',
  },
  import_missing_year: { zh: () => '缺少年份', en: () => 'missing year' },
  import_year_range: {
    zh: (p) => `应为 ${p.from} 至 ${p.to} 年之间的年份`,
    en: (p) => `expected a year from ${p.from} to ${p.to}`,
  },
  import_not_a_number: { zh: () => '不是数字', en: () => 'not a number' },
  import_negative: { zh: () => '不能为负数', en: () => 'must not be negative' },
  import_no_indicator_values: {
    zh: (p) => `${p.ref} 在 ${p.year} 年没有任何指标值；该年份按空值保存`,
    en: (p) => `no indicator values for ${p.ref} in ${p.year}; the year is stored empty`,
  },
  import_indicator_year_twice: {
    zh: (p) => `${p.ref} 的 ${p.year} 年出现了两次；第一次在第 ${p.first} 行`,
    en: (p) => `${p.ref} has ${p.year} twice; first at row ${p.first}`,
  },
  import_credit_code_ambiguous: {
    zh: () => '该统一社会信用代码对应多家企业，请改用企业编号',
    en: () => 'the credit code belongs to more than one enterprise; name it by id',
  },
  import_no_enterprise_with_id: {
    zh: () => '数据库中没有该编号的企业',
    en: () => 'no enterprise with this id in the database',
  },
  import_no_enterprise_with_code: {
    zh: () => '数据库中没有该统一社会信用代码的企业',
    en: () => 'no enterprise with this credit code in the database',
  },

  // Zone records.
  import_zone_no_id: {
    zh: (p) => `要素没有编号；改用“${p.id}”`,
    en: (p) => `feature has no id; using "${p.id}"`,
  },
  import_zone_no_name: {
    zh: (p) => `要素没有名称；改用其编号“${p.id}”`,
    en: (p) => `feature has no name; using its id "${p.id}"`,
  },
  import_reserve_zone_type: {
    zh: (p) =>
      `不是保护区功能分区类型：应为核心区、缓冲区、实验区或未分区（${p.allowed}）；分区不明的保护区请留空（如该字段另有含义，例如保护区类别，请将字段改名）`,
    en: () =>
      `not a reserve zone type: expected core, buffer, experimental or unzoned (or their Chinese names); a reserve of unknown zoning leaves it blank (rename the field if it holds something else, such as the reserve category)`,
  },
  import_zone_other_layer: {
    zh: (p) => `该要素属于 ${p.layer} 图层，而不是 ${p.kind}`,
    en: (p) => `the feature belongs to the ${p.layer} layer, not ${p.kind}`,
  },
  import_zone_no_wkt: {
    zh: (p) => `没有几何图形：表格须有一列 ${p.format} 文本（列名 ${p.columns}）`,
    en: () => 'no geometry: a table needs a WKT column (wkt, geometry or geom)',
  },
  import_wkt_unreadable: {
    zh: (p) => `无法读取的 ${p.format} 几何文本：“${p.text}”`,
    en: (p) => `not readable WKT: "${p.text}"`,
  },
  import_zone_duplicate_id: {
    zh: (p) => `编号重复；第 ${p.first} 个要素已使用`,
    en: (p) => `duplicate id; first used at feature ${p.first}`,
  },
  import_zone_id_other_layer: {
    zh: (p) => `该区域编号已属于 ${p.layer} 图层`,
    en: (p) => `zone id already belongs to the ${p.layer} layer`,
  },
  import_zone_out_of_range: {
    zh: (p) => `坐标超出 ${p.crs} 经纬度的范围${hinted(p, 'zh')}`,
    en: (p) => `coordinates out of range for ${p.crs} degrees${hinted(p, 'en')}`,
  },
  import_zone_point_no_wgs84: {
    zh: (p) => `无法从 ${p.crs} 换算为经纬度：点 ${p.x}, ${p.y} 没有对应的经纬度`,
    en: (p) => `cannot convert to WGS84 from ${p.crs}: point ${p.x}, ${p.y} has no WGS84 position`,
  },
  import_zone_wgs84_failed: {
    zh: (p) => `无法从 ${p.crs} 换算为经纬度：${p.detail}`,
    en: (p) => `cannot convert to WGS84 from ${p.crs}: ${p.detail}`,
  },
  import_zone_outside: {
    zh: (p) =>
      `多边形位于东经 ${p.west}–${p.east}°、北纬 ${p.south}–${p.north}°，远在辖区之外；${p.swapped ? '像是经纬度填反了' : '请检查坐标系'}（按 ${p.crs} 读取）`,
    en: (p) =>
      `the polygon lies at ${p.west}–${p.east}°E, ${p.south}–${p.north}°N, far outside the jurisdiction; ${p.swapped ? 'looks like lat/lon swapped' : 'check the CRS'} (read as ${p.crs})`,
  },
  import_unzoned_reserves: {
    zh: (p) => {
      const screening = p.rules
        ? `将由规则 ${p.rules} 筛查，其标记会说明若属实验区会有何不同`
        : `现行规则集（${p.rule_set} ${p.version}）中没有针对未分区保护区的规则，载入此类规则前，其中的企业都不会被标记（${p.command} 含规则 ${p.rule}）`;
      return `${p.count} 个自然保护区要素没有功能分区（字段 ${p.fields} 均无值）：已按整个保护区导入，分区类型为“未分区”；${screening}`;
    },
    en: (p) => {
      const ids = String(p.rules);
      const screening = p.rules
        ? `screened by ${ids.includes(',') ? 'rules' : 'rule'} ${ids}, whose flags say what an experimental zone would change`
        : `the rule set in force (${p.rule_set} ${p.version}) has no rule for zone type unzoned, so no enterprise inside them ` +
          `is flagged until one is loaded (${p.command} has ${p.rule})`;
      return (
        `${p.count} nature reserve feature(s) have no functional zoning (no value in any of the fields ${p.fields}): ` +
        `imported as whole reserves, zone type unzoned; ${screening}`
      );
    },
  },

  // Text in any field.
  import_control_character: {
    zh: (p) => `含有控制字符 ${p.char}；文字中除制表符和换行外不能含有控制字符`,
    en: (p) => `holds the control character ${p.char}; text may hold no control characters but tab and line breaks`,
  },
  import_not_single_line: {
    zh: (p) => `含有控制字符 ${p.char}；名称和编号必须是单行文字`,
    en: (p) => `holds the control character ${p.char}; names and ids must be a single line of text`,
  },
  import_bad_bytes_given: {
    zh: (p) => `含有不符合所指定编码 ${p.encoding} 的字节；这些字节将按 ${p.replacement} 导入`,
    en: (p) =>
      `holds bytes that are not valid ${p.encoding || 'the detected encoding'}, the encoding given; they are imported as ${p.replacement}`,
  },
  import_bad_bytes_detected: {
    zh: (p) =>
      `含有不符合检测到的编码${p.encoding ? ` ${p.encoding} ` : ''}的字节（显示为 ${p.replacement}）；请修正，或指定文字编码${p.encoding ? `为 ${p.encoding}` : ''}，按 ${p.replacement} 导入`,
    en: (p) =>
      `holds bytes that are not valid ${p.encoding || 'the detected encoding'}, the encoding detected (shown as ${p.replacement}); fix them, or pass --encoding ${p.encoding || 'the detected encoding'} to import them as ${p.replacement}`,
  },

  // Polygons (server/domain/geometry/check-polygon.ts).
  geometry_not_polygon: {
    zh: (p) => `区域须为面要素（${p.allowed}），实际为 ${p.type}`,
    en: (p) => `zones must be Polygon or MultiPolygon, found ${p.type}`,
  },
  geometry_empty: { zh: (p) => `${p.type} 是空的`, en: (p) => `empty ${p.type}` },
  geometry_no_rings: { zh: (p) => `第 ${p.polygon} 个多边形没有环`, en: (p) => `polygon ${p.polygon} has no rings` },
  geometry_ring_not_array: {
    zh: (p) => `${ring(p, 'zh')}不是坐标数组`,
    en: (p) => `${ring(p, 'en')} is not an array of positions`,
  },
  geometry_point_not_finite: {
    zh: (p) => `${ring(p, 'zh')}的第 ${p.point} 个点不是一对有限数值：${p.value}`,
    en: (p) => `${ring(p, 'en')}, point ${p.point} is not a pair of finite numbers: ${p.value}`,
  },
  geometry_ring_unclosed: {
    zh: (p) => `${ring(p, 'zh')}没有闭合；已在 ${p.x}, ${p.y} 处闭合`,
    en: (p) => `${ring(p, 'en')} was not closed; closed it at ${p.x}, ${p.y}`,
  },
  geometry_ring_too_few: {
    zh: (p) => `${ring(p, 'zh')}有 ${p.points} 个点，但只有 ${p.distinct} 个互不相同；一个环至少需要 3 个`,
    en: (p) => `${ring(p, 'en')} has ${p.points} point(s) but only ${p.distinct} distinct; a ring needs at least 3`,
  },
  geometry_self_intersecting: {
    zh: (p) => `多边形自相交：${crossing(p, 'zh')}；无法修复`,
    en: (p) => `self-intersecting polygon: ${crossing(p, 'en')}; it could not be repaired`,
  },
  geometry_self_intersecting_repaired: {
    zh: (p) => `多边形自相交：${crossing(p, 'zh')}；已修复为 ${p.pieces} 个多边形`,
    en: (p) => `self-intersecting polygon: ${crossing(p, 'en')}; repaired into ${p.pieces} polygon${p.pieces === 1 ? '' : 's'}`,
  },
} satisfies Record<string, Wording>;
