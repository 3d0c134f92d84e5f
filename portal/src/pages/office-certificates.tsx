import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { DataTable } from '../components/data-table.tsx';
import { officeExpiringCertificates, type ExpiringCertificate } from '../operations.ts';
import { paths, useRoute } from '../router.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';
import { BackToOverview, replaceParams, useOfficeNetwork } from './office.tsx';
import { useOfficeText } from './office-messages.ts';

// Whose certificates run out: the office reminds its members before an automotive customer's supplier list drops
// them. Lapsed ones first (within the last year), then those running out within the chosen days, each table soonest
// first as the graph orders them; the window is kept in the URL's `tage`, so the page can be bookmarked.

const windows = [30, 90, 180, 365];
const defaultWindow = 90;

export function OfficeCertificatesPage({ session }: { session: Session }) {
  const text = useOfficeText();
  const { t, date, number } = useLocale();
  const route = useRoute();
  const { network, chooser } = useOfficeNetwork(session, 'certificates-network');
  const asked = Number(route.params.get('tage'));
  const withinDays = windows.includes(asked) ? asked : defaultWindow;
  const list = useQuery(officeExpiringCertificates, { network, withinDays, expiredSinceDays: 365 });
  const rows = list.data?.expiringCertificates ?? [];
  const lapsed = rows.filter((row) => row.daysLeft < 0);
  const running = rows.filter((row) => row.daysLeft >= 0);
  const choose = (days: string) => {
    const params = new URLSearchParams(route.params);
    params.set('tage', days);
    replaceParams(route.path, params);
  };

  const table = (id: string, heading: string, entries: ExpiringCertificate[], empty: string) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <DataTable
          caption={heading}
          columns={[text.columnMember, text.columnCertificate, text.columnValidUntil, text.columnDaysLeft]}
          class="office-table"
          scrollClass="office-scroll"
        >
          {entries.map((row) => (
            <tr key={`${row.member.id} ${row.standard} ${row.number ?? ''} ${row.validUntil}`}>
              <th scope="row">
                <a href={paths.memberEdit(row.member.id)}>{row.member.name}</a>
              </th>
              <td>
                {row.standard}
                {row.number && <span class="muted"> ({t.certificateNumber(row.number)})</span>}
              </td>
              <td>
                <time dateTime={row.validUntil}>{date(row.validUntil)}</time>
              </td>
              <td>{text.daysLeft(row.daysLeft, number(Math.abs(row.daysLeft)))}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );

  return (
    <>
      <BackToOverview />
      <h1>{text.certificatesHeading}</h1>
      <p class="lead">{text.certificatesIntro}</p>
      <form class="office-form" onSubmit={(e) => e.preventDefault()} aria-label={text.certificatesHeading}>
        <div class="field-row">
          {chooser}
          <div class="field">
            <label for="certificates-window">{text.certificatesWindow}</label>
            <select id="certificates-window" value={withinDays} onChange={(e) => choose(e.currentTarget.value)}>
              {windows.map((days) => (
                <option key={days} value={days}>
                  {text.withinDays(number(days))}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <NetworkNotice errors={list.errors} />
      <ErrorNotice errors={list.errors} />
      {list.loading && !list.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        list.data && (
          <>
            {table('certificates-lapsed', text.certificatesLapsed, lapsed, text.noneLapsed)}
            {table('certificates-running', text.certificatesRunning(number(withinDays)), running, text.noneRunning(number(withinDays)))}
          </>
        )
      )}
    </>
  );
}
