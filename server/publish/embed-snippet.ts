/**
 * The HTML a publisher pastes into a government site: an iframe with a title, a tiny script that
 * sizes it to its content (the embed posts its height) and tells it the host page's language, a
 * <noscript> image with alt text linking to the table, and a visible link to the table view.
 * The script listens only to messages from the embed's own origin and frame.
 */
import { escapeMarkup as e } from '../domain/publish/escape-markup.ts';

export interface SnippetInput {
  /** Where the public reaches Greenline, e.g. https://maps.example.gov.cn (no trailing slash). */
  baseUrl: string;
  id: string;
  title: string;
  summary: string;
}

export const embedUrl = (baseUrl: string, id: string) => `${baseUrl}/embed/${id}`;

export function embedSnippet({ baseUrl, id, title, summary }: SnippetInput): string {
  const url = embedUrl(baseUrl, id);
  const origin = new URL(baseUrl).origin;
  const script = `(function(){var f=document.querySelector('iframe[data-greenline="${id}"]');if(!f)return;window.addEventListener('message',function(m){if(m.origin!=='${origin}'||m.source!==f.contentWindow||!m.data||m.data.greenline!=='height')return;f.style.height=Math.ceil(m.data.height)+'px';if(!f.getAttribute('data-lang-sent')){f.setAttribute('data-lang-sent','1');f.contentWindow.postMessage({greenline:'lang',lang:document.documentElement.lang||''},'${origin}');}});})();`;
  return [
    `<iframe src="${e(url)}" title="${e(title)}" data-greenline="${e(id)}" loading="lazy" style="width:100%;min-width:300px;height:600px;border:0" allow="fullscreen"></iframe>`,
    `<script>${script}</script>`,
    `<noscript><a href="${e(url)}/table"><img src="${e(url)}/fallback.svg" alt="${e(`${title}：${summary}`)}" width="800" height="560" style="max-width:100%;height:auto"></a></noscript>`,
    `<p><a href="${e(url)}/table">${e(`${title} · 表格视图 Table view`)}</a></p>`,
  ].join('\n');
}

/** What publishing answers, on the command line and over HTTP alike. */
export function describePublished(
  baseUrl: string,
  p: { id: string; version: number; count: number; title: { zh: string }; summary: { zh: string } },
) {
  const url = embedUrl(baseUrl, p.id);
  return {
    id: p.id,
    version: p.version,
    count: p.count,
    url,
    table_url: `${url}/table`,
    snippet: embedSnippet({ baseUrl, id: p.id, title: p.title.zh, summary: p.summary.zh }),
  };
}
