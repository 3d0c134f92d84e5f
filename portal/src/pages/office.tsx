import type { ComponentChildren } from 'preact';
import { useAreaGate } from '../components/area-gate.tsx';
import { networkCodes, NetworkOptions } from '../components/network-options.tsx';
import type { NetworkCode } from '../operations.ts';
import { paths, useRoute } from '../router.ts';
import { useSession, type Session } from '../session.ts';
import { AuditPage } from './office-audit.tsx';
import { CapacityPage } from './office-capacity.tsx';
import { OfficeCertificatesPage } from './office-certificates.tsx';
import { ImportPage } from './office-import.tsx';
import { OfficeInquiriesPage } from './office-inquiries.tsx';
import { MembersPage } from './office-members.tsx';
import { NewsPage } from './office-news.tsx';
import { useOfficeText } from './office-messages.ts';
import './office.css';

// The network office's pages, loaded only when one is opened (app.tsx), so the public pages' JavaScript
// stays as it was: /geschaeftsstelle (the overview), /mitglieder, /import, /kapazitaet, /protokoll, /anfragen, /zertifikate and
// /neuigkeit below it.
// Admin uses them too and chooses the network.

export const officePaths = {
  overview: paths.office,
  import: `${paths.office}/import`,
  capacity: `${paths.office}/kapazitaet`,
  audit: `${paths.office}/protokoll`,
  inquiries: `${paths.office}/anfragen`,
  members: `${paths.office}/mitglieder`,
  certificates: `${paths.office}/zertifikate`,
  news: `${paths.office}/neuigkeit`,
};

export const mayUseOfficePages = (session: Session): session is Session => session.role === 'office' || session.role === 'admin';

/** The page for a path under /geschaeftsstelle. */
export function OfficePages({ path }: { path: string }) {
  const { session } = useSession();
  const text = useOfficeText();
  const heading = {
    [officePaths.overview]: text.overviewHeading,
    [officePaths.import]: text.importHeading,
    [officePaths.capacity]: text.capacityHeading,
    [officePaths.audit]: text.auditHeading,
    [officePaths.inquiries]: text.inquiriesHeading,
    [officePaths.members]: text.membersHeading,
    [officePaths.certificates]: text.certificatesHeading,
    [officePaths.news]: text.newsHeading,
  }[path];
  const gate = useAreaGate(heading, session, mayUseOfficePages, text);
  if ('page' in gate) return gate.page;
  const { session: signedIn } = gate;
  if (path === officePaths.import) return <ImportPage session={signedIn} />;
  if (path === officePaths.capacity) return <CapacityPage />;
  if (path === officePaths.audit) return <AuditPage session={signedIn} />;
  if (path === officePaths.inquiries) return <OfficeInquiriesPage session={signedIn} />;
  if (path === officePaths.members) return <MembersPage session={signedIn} />;
  if (path === officePaths.certificates) return <OfficeCertificatesPage session={signedIn} />;
  if (path === officePaths.news) return <NewsPage session={signedIn} />;
  return <Overview session={signedIn} />;
}

function Overview({ session }: { session: Session }) {
  const text = useOfficeText();
  const links: [string, string, string][] = [
    [officePaths.members, text.linkMembers, text.linkMembersText],
    [officePaths.import, text.linkImport, text.linkImportText],
    [paths.memberNew, text.linkNewMember, text.linkNewMemberText],
    [officePaths.capacity, text.linkCapacity, text.linkCapacityText],
    [officePaths.inquiries, text.linkInquiries, text.linkInquiriesText],
    [officePaths.news, text.linkNews, text.linkNewsText],
    [officePaths.certificates, text.linkCertificates, text.linkCertificatesText],
    [officePaths.audit, text.linkAudit, text.linkAuditText],
  ];
  return (
    <>
      <h1>{text.overviewHeading}</h1>
      <p class="lead">{text.overviewIntro(session.network ?? networkCodes.join(', '))}</p>
      <ul class="office-links">
        {links.map(([href, label, description]) => (
          <li key={href}>
            <a href={href}>{label}</a>
            <p>{description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A link back to the overview, above each office page's heading. */
export function BackToOverview() {
  const text = useOfficeText();
  return (
    <p class="office-back">
      <a href={officePaths.overview}>{text.back}</a>
    </p>
  );
}

/**
 * Puts a page's choices into its URL without a new history entry and without moving the focus (router.ts's
 * navigate moves it to the content, right for a new page, wrong for a choice in a select), then lets
 * useRoute's listeners read it.
 */
export function replaceParams(path: string, params: URLSearchParams) {
  history.replaceState(null, '', `${path}?${params}`);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The URL's `netzwerk` for a region-wide choice (useOfficeNetwork with regionWide). */
const regionWide = 'REGION';

/**
 * The network an office page works on: the office's own; admin chooses one (kept in the URL's `netzwerk`).
 * Answers the network and, for admin, the field to choose it with. With `regionWide`, admin may also choose the
 * whole region (network null), for what admin alone does region-wide, such as publishing news.
 */
export function useOfficeNetwork(session: Session, id: string): { network: NetworkCode; chooser: ComponentChildren };
export function useOfficeNetwork(
  session: Session,
  id: string,
  options: { regionWide: true; regionWideLabel: string },
): { network: NetworkCode | null; chooser: ComponentChildren };
export function useOfficeNetwork(
  session: Session,
  id: string,
  options?: { regionWide: true; regionWideLabel: string },
): { network: NetworkCode | null; chooser: ComponentChildren } {
  const route = useRoute();
  const text = useOfficeText();
  if (session.role !== 'admin') return { network: session.network as NetworkCode, chooser: null };
  const asked = route.params.get('netzwerk');
  const region = options?.regionWide === true && asked === regionWide;
  const network = region ? null : asked && networkCodes.includes(asked as NetworkCode) ? (asked as NetworkCode) : 'NIWE';
  const choose = (code: string) => {
    const params = new URLSearchParams(route.params);
    params.set('netzwerk', code);
    replaceParams(route.path, params);
  };
  const chooser = (
    <div class="field">
      <label for={id}>{text.networkLabel}</label>
      <select id={id} value={network ?? regionWide} onChange={(e) => choose(e.currentTarget.value)}>
        <NetworkOptions />
        {options?.regionWide && <option value={regionWide}>{options.regionWideLabel}</option>}
      </select>
    </div>
  );
  return { network, chooser };
}
