import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { locale, type Locale } from './i18n.ts';

export const LocaleContext = createContext<Locale>(locale('de'));

/** The visitor's language: its messages and formatters. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}
