import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { type Lang, MESSAGES, type Messages } from './messages.ts';

interface I18n {
  lang: Lang;
  t: Messages;
  /** Picks the Chinese or English of a bilingual record. */
  pick: (zh: string, en: string | null | undefined) => string;
}

const Context = createContext<I18n>({ lang: 'zh', t: MESSAGES.zh, pick: (zh) => zh });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = MESSAGES[lang].appTitle;
  }, [lang]);
  const value: I18n = { lang, t: MESSAGES[lang], pick: (zh, en) => (lang === 'en' && en ? en : zh) };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useI18n = () => useContext(Context);
