import { useEffect, useRef } from 'preact/hooks';
import type { Language } from './i18n.ts';

/**
 * Calls `rewrite(from, to)` when the page's language changes, for a form to write the amounts it holds in the new
 * notation: a quote prefilled with "9.4" in English and sent after a switch to German was saved as 94.
 */
export function useNotation(language: Language, rewrite: (from: Language, to: Language) => void) {
  const shown = useRef(language);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of language rewrites
  useEffect(() => {
    if (shown.current !== language) rewrite(shown.current, language);
    shown.current = language;
  }, [language]);
}
