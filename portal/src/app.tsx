import { useEffect, useMemo, useState } from 'preact/hooks';
import { initialLanguage, locale, storeLanguage, type Language } from './i18n.ts';
import { LocaleContext, useLocale } from './use-locale.ts';
import { onLinkClick, paths, signInHref, useRoute } from './router.ts';
import { HomePage } from './pages/home.tsx';
import { SearchPage } from './pages/search.tsx';
import { MemberPage } from './pages/member.tsx';
import { SuppliersPage } from './pages/suppliers.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { MemberFormPage } from './pages/member-form.tsx';
import { AccountPage } from './pages/account.tsx';
import { AccountsPage } from './pages/accounts.tsx';
import { AccountMenu } from './components/account-menu.tsx';
import { LazyPage } from './components/lazy-page.tsx';
import { useSession } from './session.ts';

const inquiryPages = () => import('./pages/inquiries.tsx').then((module) => module.InquiryPages);
const officePages = () => import('./pages/office.tsx').then((module) => module.OfficePages);
const memberAreaPages = () => import('./pages/member-area.tsx').then((module) => module.MemberAreaPages);
const cooperationPages = () => import('./pages/cooperation.tsx').then((module) => module.CooperationPages);
const cooperationRoots = [paths.cooperation, paths.feed, paths.workingGroups, paths.tradeFairs, paths.relationships];
const isCooperation = (path: string) => cooperationRoots.some((root) => path === root || path.startsWith(`${root}/`));

function Page() {
  const route = useRoute();
  const { t } = useLocale();
  if (route.path === paths.home) return <HomePage />;
  if (route.path === paths.search) return <SearchPage params={route.params} />;
  if (route.path === paths.suppliers) return <SuppliersPage params={route.params} />;
  if (route.path === paths.signIn) return <SignInPage params={route.params} />;
  if (route.path === paths.memberNew) return <MemberFormPage />;
  if (route.path === paths.account) return <AccountPage />;
  if (route.path === paths.accounts) return <AccountsPage />;
  if (route.path.startsWith('/mitglieder/bearbeiten/')) return <MemberFormPage id={route.path.slice('/mitglieder/bearbeiten/'.length)} />;
  if (route.path.startsWith('/mitglied/')) return <MemberPage id={route.path.slice('/mitglied/'.length)} />;
  if (route.path === paths.inquiries || route.path.startsWith(`${paths.inquiries}/`)) return <LazyPage load={inquiryPages} props={{ path: route.path }} />;
  if (route.path === paths.office || route.path.startsWith(`${paths.office}/`)) return <LazyPage load={officePages} props={{ path: route.path }} />;
  if (route.path === paths.myCompany || route.path.startsWith(`${paths.myCompany}/`)) return <LazyPage load={memberAreaPages} props={{ path: route.path }} />;
  if (isCooperation(route.path)) return <LazyPage load={cooperationPages} props={{ path: route.path, params: route.params }} />;
  return (
    <>
      <h1>{t.notFoundHeading}</h1>
      <p>{t.notFoundText}</p>
    </>
  );
}

function Header({ onLanguage }: { onLanguage: (language: Language) => void }) {
  const { t, language } = useLocale();
  const route = useRoute();
  const { session } = useSession();
  const current = (path: string) => (route.path === path ? 'page' : undefined);
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <div class="brand">
        <a href={paths.home} class="brand-name">
          {t.siteTitle}
        </a>
        <span class="brand-tagline">{t.siteTagline}</span>
      </div>
      <nav aria-label={t.mainNavigation}>
        <ul>
          <li>
            <a href={paths.home} aria-current={current(paths.home)}>
              {t.navHome}
            </a>
          </li>
          <li>
            <a href={paths.search} aria-current={current(paths.search)}>
              {t.navSearch}
            </a>
          </li>
          <li>
            <a href={paths.suppliers} aria-current={current(paths.suppliers)}>
              {t.navSuppliers}
            </a>
          </li>
          <li>
            <a href={paths.feed} aria-current={route.path.startsWith(paths.feed) ? 'page' : undefined}>
              {t.navFeed}
            </a>
          </li>
          {(session?.role === 'member' || session?.role === 'office' || session?.role === 'admin') && (
            <li>
              <a href={paths.cooperation} aria-current={isCooperation(route.path) && !route.path.startsWith(paths.feed) ? 'page' : undefined}>
                {t.navCooperation}
              </a>
            </li>
          )}
          {session?.signedIn && (
            <li>
              <a href={paths.inquiries} aria-current={route.path.startsWith(paths.inquiries) ? 'page' : undefined}>
                {t.navInquiries}
              </a>
            </li>
          )}
          {(session?.role === 'office' || session?.role === 'admin') && (
            <li>
              <a href={paths.office} aria-current={route.path.startsWith(paths.office) ? 'page' : undefined}>
                {t.navOffice}
              </a>
            </li>
          )}
          <li>
            <a href="/graphql" data-external>
              {t.navGraphiql}
            </a>
          </li>
        </ul>
      </nav>
      <button
        type="button"
        class="language"
        lang={language === 'de' ? 'en' : 'de'}
        aria-label={t.switchLanguageLabel}
        onClick={() => onLanguage(language === 'de' ? 'en' : 'de')}
      >
        {t.switchLanguage}
      </button>
      <AccountMenu />
    </header>
  );
}

/**
 * Why the page turned signed out by itself (session.ts sessionEnded): the gateway refused the session while the
 * page was open. Stays until the person signs in again, with a link that comes back here.
 */
function SessionEndedNotice() {
  const { t } = useLocale();
  const route = useRoute();
  const { session } = useSession();
  if (!session?.ended || route.path === paths.signIn) return null;
  return (
    <p class="notice notice-warning" role="alert">
      {t.sessionEnded} <a href={signInHref(route)}>{t.signInAgain}</a>
    </p>
  );
}

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const value = useMemo(() => locale(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = (next: Language) => {
    storeLanguage(next);
    setLanguage(next);
  };
  return (
    <LocaleContext.Provider value={value}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: delegates the clicks of the links inside (Enter on a link fires click), so every link navigates without a reload */}
      <div class="page" onClick={onLinkClick}>
        <Header onLanguage={choose} />
        <main id="main" tabIndex={-1}>
          <SessionEndedNotice />
          <Page />
        </main>
        <footer class="site-footer">{value.t.footer}</footer>
      </div>
    </LocaleContext.Provider>
  );
}
