/** The chosen language: Chinese by default, remembered in localStorage, mirrored on <html lang>. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { dictionaries, enumWords, type Key, type Lang } from './dict';

const storageKey = 'shixiao.lang';

/** The chosen language outside React (plain helpers such as the problem wording). */
export function currentLang(): Lang {
  return initialLang();
}

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A UI string, with `{name}` parameters filled in. */
  t: (key: Key, params?: Record<string, string | number>) => string;
  /** The word for an API enumeration value (kind, direction …), or the value itself. */
  word: (value: string) => string;
  /** The English text when in English and there is one, else the Chinese. */
  pick: (zh: string, en: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    return {
      lang,
      setLang,
      t: (key, params) =>
        dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)),
      word: (v) => enumWords[lang][v] ?? v,
      pick: (zhText, enText) => (lang === 'en' && enText ? enText : zhText),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
