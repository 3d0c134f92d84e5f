import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { DataTable, ListState } from '../components/data-table.tsx';
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
  const { date, dateTime, memberName } = useLocale();
  const list = useQuery(officeInquiries, { first: 100 });
  const ours = (network: string) => session.role === 'admin' || network === session.network;
  return (
    <>
      <BackToOverview />
      <h1>{text.inquiriesHeading}</h1>
      <p class="lead">{text.inquiriesIntro}</p>
      <NetworkNotice errors={list.errors} />
      <ErrorNotice errors={list.errors} />
      {/* With an error beside an empty list, the error notice speaks alone: "no inquiries" may be false there. */}
      <ListState
        loading={list.loading && !list.data}
        list={list.errors.length && !list.data?.inquiries?.length ? undefined : list.data?.inquiries}
        empty={text.noInquiries}
      >
        {(rows) => (
          <DataTable
            caption={text.inquiriesHeading}
            columns={[text.columnInquiry, text.columnStatus, text.columnDeadline, text.columnDelivery, text.columnInvited]}
            class="office-table office-inquiries"
            scrollClass="office-scroll"
          >
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
          </DataTable>
        )}
      </ListState>
    </>
  );
}
