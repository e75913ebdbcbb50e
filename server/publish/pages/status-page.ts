/** The short bilingual page a withdrawn (410) or unknown (404) publication answers with. */
import { EMBED_MESSAGES } from '../../domain/publish/embed-messages.ts';
import { escapeMarkup as e } from '../../domain/publish/escape-markup.ts';

export function statusPage(kind: 'gone' | 'notFound'): string {
  const zh = EMBED_MESSAGES.zh;
  const en = EMBED_MESSAGES.en;
  const [zhTitle, zhText, enTitle, enText] =
    kind === 'gone' ? [zh.gone, zh.goneText, en.gone, en.goneText] : [zh.notFound, zh.notFoundText, en.notFound, en.notFoundText];
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${e(zhTitle)} · ${e(enTitle)}</title>
<style>body{font:16px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2a24;margin:0;padding:24px;background:#fff}h1{font-size:20px;margin:0 0 4px}p{margin:0 0 16px}</style></head>
<body><main><h1>${e(zhTitle)}</h1><p>${e(zhText)}</p><h1 lang="en">${e(enTitle)}</h1><p lang="en">${e(enText)}</p></main></body>
</html>
`;
}
