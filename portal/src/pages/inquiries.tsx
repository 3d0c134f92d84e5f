import { DataTable, ListState } from '../components/data-table.tsx';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { myInquiries, type InquirySummary } from '../operations.ts';
import { paths } from '../router.ts';
import { useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { mayCreateInquiry, SignInFirst } from './inquiry-common.tsx';
import { useInquiryText } from './inquiry-messages.ts';
import { InquiryPage } from './inquiry.tsx';
import { EditInquiryPage, NewInquiryPage } from './inquiry-new.tsx';
import './inquiries.css';

// The signed-in inquiry pages, loaded only when one is opened (app.tsx), so the public pages'
// JavaScript stays as small as it was: /anfragen (the list), /anfragen/neu (the form) and
// /anfragen/<id> (one inquiry, as its owner or as an invited member sees it), /anfragen/<id>/bearbeiten (a draft changed).

/** The page for a path under /anfragen. */
export function InquiryPages({ path }: { path: string }) {
  const rest = path.slice(paths.inquiries.length + 1);
  if (!rest) return <InquiryListPage />;
  if (rest === 'neu') return <NewInquiryPage />;
  const edit = /^(.+)\/bearbeiten$/.exec(rest);
  if (edit) return <EditInquiryPage id={decodeURIComponent(edit[1])} />;
  return <InquiryPage id={rest} />;
}

function InquiryListPage() {
  const text = useInquiryText();
  const { date, day, dateTime, number } = useLocale();
  const { session } = useSession();
  const list = useReloadable(myInquiries, session?.signedIn ? { first: 100 } : undefined);
  if (session && !session.signedIn) return <SignInFirst heading={text.listHeading} />;
  const member = session?.role === 'member';
  const ownInvitation = (inquiry: InquirySummary) => inquiry.invitations.find((i) => i.memberRef.id === session?.memberId);
  return (
    <>
      <h1>{text.listHeading}</h1>
      <p class="lead">{member ? text.listIntroMember : text.listIntroCustomer}</p>
      {session && mayCreateInquiry(session) && (
        <p>
          <a class="button-link" href={paths.inquiryNew}>
            {text.newInquiryLink}
          </a>
        </p>
      )}
      <NetworkNotice errors={list.errors} />
      <ErrorNotice errors={list.errors} />
      <ListState loading={!session || list.loading} list={list.data?.inquiries} empty={member ? text.noInvitations : text.noInquiries}>
        {(rows) => (
          <DataTable
            caption={text.listHeading}
            columns={[
              text.columnTitle,
              text.columnStatus,
              text.columnDeadline,
              text.columnDelivery,
              ...(member ? [text.columnMyInvitation, text.columnMyQuote] : [text.columnInvited, text.columnQuotes, text.columnCreated]),
            ]}
            class="inquiry-list"
          >
            {rows.map((inquiry) => {
              const invitation = ownInvitation(inquiry);
              // A member asked into a consortium sees the inquiry without an invitation of its own.
              const asked = inquiry.consortia.flatMap((c) => c.partners).find((p) => p.memberRef.id === session?.memberId);
              return (
                <tr key={inquiry.id}>
                  <th scope="row">
                    <a href={paths.inquiry(inquiry.id)}>{inquiry.title}</a>
                  </th>
                  <td>{text.status[inquiry.status]}</td>
                  <td>{dateTime(inquiry.quoteDeadline)}</td>
                  <td>{date(inquiry.deliveryDate)}</td>
                  {member ? (
                    <>
                      <td>{invitation ? text.invitation[invitation.status] : asked ? text.consortiumRequest(text.partnerStatus[asked.status]) : text.none}</td>
                      <td>{inquiry.quotes[0] ? text.quote[inquiry.quotes[0].status] : text.none}</td>
                    </>
                  ) : (
                    <>
                      <td>{number(inquiry.invitations.length)}</td>
                      {/* A withdrawn quote is no offer (it is out of the comparison too). */}
                      <td>{number(inquiry.quotes.filter((q) => q.status !== 'WITHDRAWN').length)}</td>
                      <td>{day(inquiry.createdAt)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </DataTable>
        )}
      </ListState>
    </>
  );
}
