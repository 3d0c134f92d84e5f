import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { officeInquiries } from '../operations.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';
import { BackToOverview } from './office.tsx';
import { useOfficeText } from './office-messages.ts';

// The inquiries an office's members are invited to (region's `inquiries` answers an office exactly those),
// read only: the office follows them, its members answer them. Each row names the office's invited members
// and how far each got; admin sees every network's.

export function OfficeInquiriesPage({ session }: { session: Session }) {
  const text = useOfficeText();
  const { t, date, dateTime, memberName } = useLocale();
  const list = useQuery(officeInquiries, { first: 100 });
  const rows = list.data?.inquiries ?? [];
  const ours = (network: string) => session.role === 'admin' || network === session.network;
  return (
    <>
      <BackToOverview />
      <h1>{text.inquiriesHeading}</h1>
      <p class="lead">{text.inquiriesIntro}</p>
      <NetworkNotice errors={list.errors} />
      <ErrorNotice errors={list.errors} />
      {list.loading && !list.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : rows.length === 0 ? (
        !list.errors.length && <p>{text.noInquiries}</p>
      ) : (
        <TableScroll label={text.inquiriesHeading} class="office-scroll">
          <table class="office-table office-inquiries">
            <caption class="visually-hidden">{text.inquiriesHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{text.columnInquiry}</th>
                <th scope="col">{text.columnStatus}</th>
                <th scope="col">{text.columnDeadline}</th>
                <th scope="col">{text.columnDelivery}</th>
                <th scope="col">{text.columnInvited}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((inquiry) => (
                <tr key={inquiry.id}>
                  <th scope="row">{inquiry.title}</th>
                  <td>{text.inquiryStatus[inquiry.status] ?? inquiry.status}</td>
                  <td>
                    <time dateTime={inquiry.quoteDeadline}>{dateTime(inquiry.quoteDeadline)}</time>
                  </td>
                  <td>
                    <time dateTime={inquiry.deliveryDate}>{date(inquiry.deliveryDate)}</time>
                  </td>
                  <td>
                    <ul class="plain-list">
                      {inquiry.invitations
                        .filter((invitation) => ours(invitation.network))
                        .map((invitation) => (
                          <li key={invitation.memberRef.id}>
                            {memberName(invitation.member, invitation.memberRef.id)}: {text.invitationStatus[invitation.status] ?? invitation.status}
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
