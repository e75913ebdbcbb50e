/**
 * Every string the public sees around a publication — the embed, its table view, the withdrawn
 * page and the snippet — in Chinese and English. The server renders pages with them and the embed
 * script switches language with the same table, so both say the same thing.
 */
export type EmbedLang = 'zh' | 'en';

export const EMBED_MESSAGES = {
  zh: {
    htmlLang: 'zh-CN',
    /** Between a label and its value. */
    colon: '：',
    map: '地图',
    mapHelp: '用方向键平移，加号和减号缩放；按回车键查看地图中心附近的企业。',
    legend: '图例',
    table: '表格视图',
    tableTitle: (title: string) => `${title}（表格）`,
    backToMap: '返回地图',
    downloadCsv: '下载 CSV（仅公开字段）',
    reviewNumber: '审图号',
    source: '数据来源',
    published: (date: string, version: number) => `发布于 ${date}，第 ${version} 版`,
    language: 'English',
    languageLabel: 'Switch to English',
    unflagged: '未发现问题',
    cluster: (n: string) => `${n} 家企业`,
    zoomIn: '放大查看',
    enterprises: '企业',
    noScript: '本页需要 JavaScript 才能显示交互地图；下面是同一地图的静态图和表格。',
    gone: '此地图已撤回',
    goneText: '发布者已撤回此地图，其内容不再公开。',
    notFound: '没有这张地图',
    notFoundText: '地址有误，或此地图从未发布。',
    rows: (from: string, to: string, total: string) => `第 ${from}–${to} 行，共 ${total} 行`,
    previous: '上一页',
    next: '下一页',
    sortBy: (column: string) => `按“${column}”排序`,
    sortingNeedsAll: (n: string) => `共 ${n} 行，超出在浏览器中排序的上限；请下载 CSV 自行排序。`,
    loading: '加载中…',
    prefecture: '所在地区',
    rule: '依据',
    count: '企业数',
    none: '无',
    southChinaSea: '南海诸岛',
    zoneKinds: {
      nature_reserve: '自然保护区',
      built_up: '城市建成区',
      river_basin: '重点流域',
      key_region: '重点区域',
      industrial_park: '工业园区',
    },
    reserveZones: { core: '核心区', buffer: '缓冲区', experimental: '实验区', unzoned: '未分区' },
  },
  en: {
    htmlLang: 'en',
    colon: ': ',
    map: 'Map',
    mapHelp: 'Arrow keys pan, plus and minus zoom; Enter shows the enterprises near the centre of the map.',
    legend: 'Legend',
    table: 'Table view',
    tableTitle: (title: string) => `${title} (table)`,
    backToMap: 'Back to the map',
    downloadCsv: 'Download CSV (public fields only)',
    reviewNumber: 'Map review number',
    source: 'Source',
    published: (date: string, version: number) => `Published ${date}, version ${version}`,
    language: '中文',
    languageLabel: '切换到中文',
    unflagged: 'Not flagged',
    cluster: (n: string) => `${n} enterprises`,
    zoomIn: 'Zoom in',
    enterprises: 'Enterprises',
    noScript: 'The interactive map needs JavaScript; below are a still image of the same map and its table.',
    gone: 'This map has been withdrawn',
    goneText: 'Its publisher has withdrawn this map; its content is no longer public.',
    notFound: 'No such map',
    notFoundText: 'The address is wrong, or this map was never published.',
    rows: (from: string, to: string, total: string) => `Rows ${from}–${to} of ${total}`,
    previous: 'Previous',
    next: 'Next',
    sortBy: (column: string) => `Sort by ${column}`,
    sortingNeedsAll: (n: string) => `${n} rows are more than the browser sorts; download the CSV to sort them.`,
    loading: 'Loading…',
    prefecture: 'Prefecture',
    rule: 'Rule',
    count: 'Enterprises',
    none: 'None',
    southChinaSea: 'South China Sea Islands',
    zoneKinds: {
      nature_reserve: 'Nature reserves',
      built_up: 'Urban built-up areas',
      river_basin: 'Key river basins',
      key_region: 'Key regions',
      industrial_park: 'Industrial parks',
    },
    reserveZones: { core: 'Core zone', buffer: 'Buffer zone', experimental: 'Experimental zone', unzoned: 'Unzoned (zoning unknown)' },
  },
} as const;

export type EmbedMessages = (typeof EMBED_MESSAGES)[EmbedLang];

export function embedLang(value: string | null | undefined): EmbedLang | null {
  if (!value) return null;
  const v = value.toLowerCase();
  return v.startsWith('zh') ? 'zh' : v.startsWith('en') ? 'en' : null;
}
