import { useEffect, useState } from 'preact/hooks';

// Client-side routes over the History API: the gateway answers every portal path with index.html,
// so each page's URL (search included) can be bookmarked, reloaded and shared.

export interface Route {
  path: string;
  params: URLSearchParams;
}

function current(): Route {
  return { path: decodeURIComponent(location.pathname), params: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();

export function navigate(url: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
  // Where a page load would leave keyboard and screen-reader users: at the start of the content.
  document.getElementById('main')?.focus({ preventScroll: true });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Follows a same-origin link without reloading the page; new tabs, modified clicks and downloads stay the browser's. */
export function onLinkClick(event: MouseEvent) {
  const link = (event.target as Element).closest('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (link.origin !== location.origin || link.target || link.hasAttribute('download') || link.dataset.external !== undefined) return;
  // An anchor on this page (the skip link) is the browser's: it moves focus there.
  if (link.hash && link.pathname === location.pathname && link.search === location.search) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
}

export const paths = {
  home: '/',
  search: '/suche',
  suppliers: '/lieferanten',
  signIn: '/anmelden',
  memberNew: '/mitglieder/neu',
  account: '/konto',
  accounts: '/zugaenge',
  memberEdit: (id: string) => `/mitglieder/bearbeiten/${encodeURIComponent(id)}`,
  member: (id: string) => `/mitglied/${encodeURIComponent(id)}`,
  inquiries: '/anfragen',
  inquiryNew: '/anfragen/neu',
  inquiry: (id: string) => `/anfragen/${encodeURIComponent(id)}`,
  inquiryEdit: (id: string) => `/anfragen/${encodeURIComponent(id)}/bearbeiten`,
  office: '/geschaeftsstelle',
  cooperation: '/zusammenarbeit',
  feed: '/neuigkeiten',
  newsItem: (id: string) => `/neuigkeiten/${encodeURIComponent(id)}`,
  /** The office's publishing form with a published item's values (office.tsx officePaths.news, office-news.tsx). */
  newsCorrection: (id: string) => `/geschaeftsstelle/neuigkeit?id=${encodeURIComponent(id)}`,
  workingGroups: '/arbeitskreise',
  workingGroup: (id: string) => `/arbeitskreise/${encodeURIComponent(id)}`,
  tradeFairs: '/messen',
  tradeFair: (id: string) => `/messen/${encodeURIComponent(id)}`,
  relationships: '/beziehungen',
  myCompany: '/mein-unternehmen',
};

let searchUrl: string = paths.search;

/** The search page remembers its URL, so a profile's "back" link returns to the same search. */
export function rememberSearch(url: string) {
  searchUrl = url;
}

export function lastSearch(): string {
  return searchUrl;
}

/** The sign-in page, leading back to `route` (its path and query) once signed in. */
export function signInHref(route: Route): string {
  const here = route.path + (route.params.size ? `?${route.params}` : '');
  return `${paths.signIn}?weiter=${encodeURIComponent(here)}`;
}
