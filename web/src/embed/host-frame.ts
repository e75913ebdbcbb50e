/**
 * Talking to the page that frames the embed: the embed's height, so the snippet's script can size
 * the iframe to it, and the host page's language, which the snippet sends back once. Heights go
 * to any parent (they say nothing private); a language is taken only from the parent window.
 */
import { type EmbedLang, embedLang } from '../../../server/domain/publish/embed-messages.ts';

export function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ greenline: 'height', height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

export function onHostLanguage(apply: (lang: EmbedLang) => void): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !event.data || event.data.greenline !== 'lang') return;
    const lang = embedLang(String(event.data.lang ?? ''));
    if (lang) apply(lang);
  });
}
