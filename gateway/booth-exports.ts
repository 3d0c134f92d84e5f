import type { ApolloServer } from '@apollo/server';
import { badInput, httpError } from '../shared/errors.ts';
import type { PlainRoute } from '../shared/http.ts';
import type { CsvForm } from '../shared/member-csv.ts';
import { csvFormOf, formSuffix, toCsv } from './exports.ts';
import { asParameter, graphGetRoute, type Run, type VerifyRequest } from './graph-routes.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';

// A joint booth's downloads: its cost split as CSV, its exhibitor catalogue as
// CSV and as a print-ready HTML page (JointBooth.costsCsvPath, catalogueCsvPath,
// cataloguePrintPath). Like /export/capacity-balance.csv, each runs one
// ordinary graph query for the caller, so the graph's access rules, limits and
// rate limits hold: a member's cost CSV has its own line only. The members'
// names, processes and certifications come from their networks through the
// gateway; a network that does not answer fails the download rather than
// leaving its exhibitors out of a list that then looks complete.

const costsQuery = `query BoothCosts($id: ID!) {
  jointBooth(id: $id) {
    id fair { name }
    costSplit {
      fixedCostsCents baseFeesCents sharedCents totalCents exhibitorCount confirmedAreaM2
      exhibitors { registration { id network { code } member { id name } } areaM2 baseFeeCents areaShareCents totalCents }
      networks { network { code } exhibitors areaM2 totalCents }
    }
  }
}`;

const catalogueQuery = `query BoothCatalogue($id: ID!) {
  jointBooth(id: $id) {
    id totalAreaM2
    fair { name city startsAt endsAt }
    organiser { name office { name email phone } }
    exhibitors {
      id areaM2 products contact { name email phone }
      network { code name }
      member { id name street postalCode city website description processes { code name } certifications { standard number validUntil valid } }
    }
  }
}`;

interface CatalogueEntry {
  id: string;
  areaM2: number;
  products: string[];
  contact: { name: string; email: string; phone: string | null };
  network: { code: string; name: string };
  member: {
    id: string;
    name: string;
    street: string | null;
    postalCode: string;
    city: string;
    website: string | null;
    description: string | null;
    processes: { code: string; name: string }[];
    certifications: { standard: string; number: string | null; validUntil: string; valid: boolean }[];
  };
}

interface Catalogue {
  id: string;
  totalAreaM2: number;
  fair: { name: string; city: string; startsAt: string; endsAt: string };
  organiser: { name: string; office: { name: string; email: string; phone: string } } | null;
  exhibitors: CatalogueEntry[];
}

interface Download {
  contentType: string;
  /** attachment for files to save, inline for the page to print. */
  disposition: 'attachment' | 'inline';
  filename: string;
  body: string;
}

/** A GET route for one booth (?booth=jb-…): runs the graph for the caller and answers what `produce` makes, or one error. */
function boothRoute(
  path: string,
  server: ApolloServer<GatewayContext>,
  verify: VerifyRequest,
  policy: Policy,
  produce: (run: Run, boothId: string, url: URL) => Promise<Download>,
): PlainRoute {
  return graphGetRoute(path, server, verify, policy, async (run, url, res) => {
    const boothId = url.searchParams.get('booth');
    if (!boothId)
      throw badInput('booth', `booth is required: give the booth's id as ?booth=, e.g. ${path}?booth=jb-5083124978213377 (JointBooth.id).`, {
        reason: 'REQUIRED',
      });
    const download = await produce(
      async (query, variables) => {
        // The caller sent the booth's id as ?booth=, which the query passes on as jointBooth's id.
        const data = await run(query, variables).catch((error: unknown) => {
          throw asParameter(error, 'id', 'booth');
        });
        if (!data.jointBooth) throw httpError('NOT_FOUND', `Joint booth ${boothId.slice(0, 40)} does not exist.`);
        return data;
      },
      boothId,
      url,
    );
    res.statusCode = 200;
    res.setHeader('content-type', download.contentType);
    res.setHeader('content-disposition', `${download.disposition}; filename="${download.filename}"`);
    if (download.contentType.startsWith('text/html')) {
      // The page is ours alone: no script runs and nothing loads from elsewhere, whatever a member's data holds.
      res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    }
    res.end(download.body);
  });
}

/** 123456 → 1234.56: euros with a point, as spreadsheets read CSV numbers. */
export const euros = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

const costColumns = [
  'line',
  'registrationId',
  'memberId',
  'memberName',
  'network',
  'exhibitors',
  'areaM2',
  'baseFeeCents',
  'areaShareCents',
  'totalCents',
  'totalEur',
];

/**
 * One line per exhibitor the caller sees, one per network, one for the whole booth: for an office or admin, who see
 * every exhibitor, the exhibitor lines sum to the TOTAL line exactly; a member sees its own line beside the booth's
 * TOTAL (its count and area were those of the lines it saw, beside the whole booth's fees).
 */
export function costsCsv(
  split: {
    fixedCostsCents: number;
    baseFeesCents: number;
    sharedCents: number;
    totalCents: number;
    exhibitorCount: number;
    confirmedAreaM2: number;
    exhibitors: {
      registration: { id: string; network: { code: string }; member: { id: string; name: string } };
      areaM2: number;
      baseFeeCents: number;
      areaShareCents: number;
      totalCents: number;
    }[];
    networks: { network: { code: string }; exhibitors: number; areaM2: number; totalCents: number }[];
  },
  form: CsvForm = 'UTF8',
): string {
  // Excel's form takes numbers (a decimal comma), the other form the euros written out with a point.
  const eur = (cents: number) => (form === 'EXCEL' ? cents / 100 : euros(cents));
  const rows = [
    ...split.exhibitors.map((e) => ({
      line: 'EXHIBITOR',
      registrationId: e.registration.id,
      memberId: e.registration.member.id,
      memberName: e.registration.member.name,
      network: e.registration.network.code,
      exhibitors: 1,
      areaM2: e.areaM2,
      baseFeeCents: e.baseFeeCents,
      areaShareCents: e.areaShareCents,
      totalCents: e.totalCents,
      totalEur: eur(e.totalCents),
    })),
    ...split.networks.map((n) => ({
      line: 'NETWORK',
      network: n.network.code,
      exhibitors: n.exhibitors,
      areaM2: n.areaM2,
      totalCents: n.totalCents,
      totalEur: eur(n.totalCents),
    })),
    {
      line: 'TOTAL',
      exhibitors: split.exhibitorCount,
      areaM2: split.confirmedAreaM2,
      baseFeeCents: split.baseFeesCents,
      areaShareCents: split.sharedCents,
      totalCents: split.totalCents,
      totalEur: eur(split.totalCents),
    },
  ];
  return toCsv(rows, costColumns, form);
}

const validCertifications = (e: CatalogueEntry) => e.member.certifications.filter((c) => c.valid);
const certificationText = (c: CatalogueEntry['member']['certifications'][number]) =>
  `${c.standard}${c.number ? ` ${c.number}` : ''} (gültig bis ${c.validUntil})`;

const catalogueColumns = [
  'memberId',
  'name',
  'network',
  'address',
  'website',
  'processes',
  'certifications',
  'products',
  'areaM2',
  'contactName',
  'contactEmail',
  'contactPhone',
];

/** One row per exhibitor; lists within a cell separated by "; ". Only certificates valid today: the catalogue offers what holds at the fair. */
export function catalogueCsv(catalogue: Catalogue, form: CsvForm = 'UTF8'): string {
  const rows = catalogue.exhibitors.map((e) => ({
    memberId: e.member.id,
    name: e.member.name,
    network: e.network.code,
    address: [e.member.street, `${e.member.postalCode} ${e.member.city}`].filter(Boolean).join(', '),
    website: e.member.website,
    processes: e.member.processes.map((p) => `${p.code} ${p.name}`).join('; '),
    certifications: validCertifications(e).map(certificationText).join('; '),
    products: e.products.join('; '),
    areaM2: e.areaM2,
    contactName: e.contact.name,
    contactEmail: e.contact.email,
    contactPhone: e.contact.phone,
  }));
  return toCsv(rows, catalogueColumns, form);
}

const html = (value: string | number | null | undefined) =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Only http(s) links become links; anything else a member typed stays text. */
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

const day = (iso: string) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/** A4 print: one exhibitor never split across pages, links printed with their address, black on white, sizes in points. */
const printCss = `
  :root { color: #111; background: #fff; font-family: "Source Sans 3", Arial, sans-serif; font-size: 11pt; line-height: 1.4; }
  body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
  header { border-bottom: 2pt solid #111; margin-bottom: 1rem; }
  h1 { font-size: 20pt; margin: 0 0 0.25rem; }
  h2 { font-size: 14pt; margin: 0 0 0.25rem; }
  h3 { font-size: 11pt; margin: 0.5rem 0 0.1rem; }
  article { border-top: 1pt solid #666; padding: 0.75rem 0; break-inside: avoid; page-break-inside: avoid; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.25rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  ul { margin: 0; padding-left: 1.2rem; }
  a { color: #0b3d91; }
  .meta { color: #333; }
  @page { size: A4; margin: 15mm 15mm 18mm; }
  @media print {
    body { max-width: none; padding: 0; }
    a { color: #111; text-decoration: none; }
    a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; }
  }
`;

function entryHtml(e: CatalogueEntry, index: number): string {
  const heading = `exhibitor-${index + 1}`;
  const website = safeUrl(e.member.website);
  const certifications = validCertifications(e);
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>` : '<p>–</p>');
  return `<article aria-labelledby="${heading}">
  <h2 id="${heading}">${html(e.member.name)}</h2>
  <p class="meta">${html([e.member.street, `${e.member.postalCode} ${e.member.city}`].filter(Boolean).join(', '))} · ${html(e.network.name)} · ${html(e.areaM2)} m²</p>
  ${e.member.description ? `<p>${html(e.member.description)}</p>` : ''}
  <h3>Exponate</h3>
  ${list(e.products)}
  <h3>Fertigungsverfahren</h3>
  ${list(e.member.processes.map((p) => `${p.name} (DIN 8580 ${p.code})`))}
  <h3>Zertifizierungen</h3>
  ${list(certifications.map(certificationText))}
  <h3>Kontakt am Stand</h3>
  <dl>
    <dt>Name</dt><dd>${html(e.contact.name)}</dd>
    <dt>E-Mail</dt><dd><a href="mailto:${html(e.contact.email)}">${html(e.contact.email)}</a></dd>
    ${e.contact.phone ? `<dt>Telefon</dt><dd><a href="tel:${html(e.contact.phone.replace(/[^+\d]/g, ''))}">${html(e.contact.phone)}</a></dd>` : ''}
    ${website ? `<dt>Web</dt><dd><a href="${html(website)}">${html(website)}</a></dd>` : ''}
  </dl>
</article>`;
}

/** The print-ready catalogue page: German, as the fair's visitors read it; landmarks, one heading per exhibitor, lists for lists. */
export function catalogueHtml(catalogue: Catalogue): string {
  const { fair } = catalogue;
  const title = `Gemeinschaftsstand der Innovationsregion Mitte – ${fair.name}`;
  const organiser = catalogue.organiser
    ? `<p>Organisiert von ${html(catalogue.organiser.office.name)}, <a href="mailto:${html(catalogue.organiser.office.email)}">${html(catalogue.organiser.office.email)}</a>, ${html(catalogue.organiser.office.phone)}</p>`
    : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>${printCss}</style>
</head>
<body>
<header>
  <h1>${html(title)}</h1>
  <p>${html(fair.city)}, ${html(day(fair.startsAt))} bis ${html(day(fair.endsAt))} · ${catalogue.exhibitors.length} Aussteller</p>
  ${organiser}
</header>
<main>
${catalogue.exhibitors.length ? catalogue.exhibitors.map(entryHtml).join('\n') : '<p>Noch keine bestätigten Aussteller.</p>'}
</main>
</body>
</html>
`;
}

const fileName = (boothId: string, kind: string, ext: string) => `${boothId.replace(/[^A-Za-z0-9-]/g, '-')}-${kind}.${ext}`;

/** A booth's CSV in the form ?form= asks (Excel's or plain UTF-8), named after the booth, `kind` and the form. */
const csvDownload =
  <Booth>(kind: string, query: string, csv: (booth: Booth, form: CsvForm) => string) =>
  async (run: Run, id: string, url: URL): Promise<Download> => {
    const form = csvFormOf(url);
    return {
      contentType: 'text/csv; charset=utf-8',
      disposition: 'attachment',
      filename: fileName(id, `${kind}${formSuffix(form)}`, 'csv'),
      body: csv((await run(query, { id })).jointBooth, form),
    };
  };

export function boothExportRoutes(server: ApolloServer<GatewayContext>, verify: VerifyRequest, policy: Policy): PlainRoute[] {
  return [
    boothRoute(
      '/export/booth-costs.csv',
      server,
      verify,
      policy,
      csvDownload('costs', costsQuery, (booth: { costSplit: Parameters<typeof costsCsv>[0] }, form) => costsCsv(booth.costSplit, form)),
    ),
    boothRoute('/export/booth-catalogue.csv', server, verify, policy, csvDownload('catalogue', catalogueQuery, catalogueCsv)),
    boothRoute('/export/booth-catalogue.html', server, verify, policy, async (run, id) => ({
      contentType: 'text/html; charset=utf-8',
      disposition: 'inline',
      filename: fileName(id, 'catalogue', 'html'),
      body: catalogueHtml((await run(catalogueQuery, { id })).jointBooth),
    })),
  ];
}
