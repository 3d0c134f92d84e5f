import { useState } from 'preact/hooks';
import { navigate, paths } from '../router.ts';
import { emptySearch, writeSearch } from '../search-state.ts';
import { useLocale } from '../use-locale.ts';

/** The start page's search box: words only; the search page offers every filter. */
export function SearchBox() {
  const { t } = useLocale();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      class="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(paths.search + writeSearch({ ...emptySearch, text }));
      }}
    >
      <label for="home-search">{t.searchLabel}</label>
      <div class="search-row">
        <input
          id="home-search"
          type="search"
          name="q"
          value={text}
          placeholder={t.searchPlaceholder}
          maxLength={200}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">{t.searchButton}</button>
      </div>
    </form>
  );
}
