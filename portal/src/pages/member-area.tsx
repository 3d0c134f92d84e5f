import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../field-errors.ts';
import type { Language, Locale } from '../i18n.ts';
import { amountIn, parseAmount } from '../amounts.ts';
import { useNotation } from '../use-notation.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { certificates, processName } from '../catalog.ts';
import { useAreaGate } from '../components/area-gate.tsx';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { MaterialPicker, ProcessPicker } from '../components/pickers.tsx';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import {
  cancelOwnBooking,
  confirmOwnBooking,
  declineOwnBooking,
  ownCapabilities,
  ownCapacity,
  ownEventRegistrations,
  ownMember,
  postOwnCapacity,
  setOwnAvailability,
  withdrawOwnCapacity,
  type AvailabilityStatus,
  type CadSystem,
  type CapacityBookingRow,
  type CapacityPostFields,
  type OwnCapabilities,
  type OwnCapacityPost,
  type OwnEventRegistration,
  type OwnMember,
} from '../member-operations.ts';
import { paths } from '../router.ts';
import { blankRequired, type Said, say, sayError, sayFailure, sayLoadFailure } from '../said.tsx';
import { useSession, type Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery, useReloadable } from '../use-query.ts';
import { DataTable, ListState } from '../components/data-table.tsx';
import { type MemberMessages, memberText, useMemberText } from './member-messages.ts';
import { type ListFormProps, RowsForm, saveList, useListDraft } from './member-rows.tsx';
import './member-area.css';
import { useFieldFocus } from '../use-field-focus.ts';

// A signed-in member's own pages, loaded only when one is opened (app.tsx): /mein-unternehmen (its
// availability and the way to its profile, which the member form edits as the office's does) and
// /mein-unternehmen/kapazitaet (its open offers and requests, the bookings on them and by it, a new
// post, withdrawing one). The server checks every value; its errors stand at their field.

const availabilityStatuses: AvailabilityStatus[] = ['LOOKING_FOR_WORK', 'NORMAL', 'AT_CAPACITY'];
const cadSystems: CadSystem[] = ['CATIA_V5', 'SIEMENS_NX', 'SOLIDWORKS', 'CREO', 'INVENTOR'];

export const memberAreaPaths = {
  overview: paths.myCompany,
  capacity: `${paths.myCompany}/kapazitaet`,
};

const isMember = (session: Session): session is Session & { memberId: string } => session.role === 'member' && !!session.memberId;

/** The page for a path under /mein-unternehmen. */
export function MemberAreaPages({ path }: { path: string }) {
  const { session } = useSession();
  const text = useMemberText();
  const heading = { [memberAreaPaths.overview]: text.overviewHeading, [memberAreaPaths.capacity]: text.capacityHeading }[path];
  const gate = useAreaGate(heading, session, isMember, text);
  if ('page' in gate) return gate.page;
  const { session: member } = gate;
  if (path === memberAreaPaths.capacity) return <CapacityPage memberId={member.memberId} />;
  return <Overview session={member} memberId={member.memberId} />;
}

function Overview({ session, memberId }: { session: Session; memberId: string }) {
  const text = useMemberText();
  const { t } = useLocale();
  const member = useReloadable(ownMember, { id: memberId });
  const own = member.data?.member;
  return (
    <>
      <h1>{text.overviewHeading}</h1>
      <p class="lead">{text.overviewIntro(own?.name ?? session.name ?? '')}</p>
      {member.loading && !own && <p aria-busy="true">{t.loading}</p>}
      {!member.loading && !own && (
        <p class="notice notice-error" role="alert">
          {member.errors.length ? sayLoadFailure(member.errors) : t.notFoundMember}
        </p>
      )}
      {own && <AvailabilityForm member={own} />}
      <section aria-labelledby="my-profile-heading">
        <h2 id="my-profile-heading">{text.profileHeading}</h2>
        <p>{text.profileIntro}</p>
        <ul class="member-area-links">
          <li>
            <a href={paths.memberEdit(memberId)}>{text.profileEdit}</a>
          </li>
          <li>
            <a href={paths.member(memberId)}>{text.profileShow}</a>
          </li>
        </ul>
      </section>
      <ProfileLists memberId={memberId} />
      <section aria-labelledby="my-capacity-heading">
        <h2 id="my-capacity-heading">{text.capacityLink}</h2>
        <p>{text.capacityLinkText}</p>
        <p>
          <a href={memberAreaPaths.capacity}>{text.capacityLink}</a>
        </p>
      </section>
      <OwnEvents />
    </>
  );
}

/** A year of a company's registrations: the list reads the newest 100 (myEventRegistrations' most). */
const ownEventsRead = 100;

/** Whether the registration belongs in the list: an event not over yet, or one its publisher withdrew (said, so nobody goes). */
function current(r: OwnEventRegistration, now: number): boolean {
  if (!r.event?.startsAt) return false;
  if (r.event.withdrawnAt) return Date.parse(r.event.startsAt) > now;
  return r.status !== 'CANCELLED' && Date.parse(r.event.endsAt ?? r.event.startsAt) > now;
}

/**
 * The people the member registered for events ahead, each with the event as it stands now: a new time or place shows
 * here, and a withdrawn event says so. Before, a member saw its registrations only on each event's page, and learnt of
 * a change only by its webhooks, if it had any.
 */
function OwnEvents() {
  const text = useMemberText();
  const { dateTime, number } = useLocale();
  const loaded = useQuery(ownEventRegistrations, { first: ownEventsRead });
  const now = Date.now();
  const rows = (loaded.data?.myEventRegistrations ?? [])
    .filter((r) => current(r, now))
    .sort((a, b) => Date.parse(a.event!.startsAt!) - Date.parse(b.event!.startsAt!));
  const status = (r: OwnEventRegistration) =>
    r.event?.withdrawnAt
      ? text.eventsWithdrawn(dateTime(r.event.withdrawnAt))
      : r.status === 'WAITING'
        ? text.eventsWaiting(number(r.waitingPosition ?? 0))
        : text.eventsRegistered;
  return (
    <section aria-labelledby="my-events-heading">
      <h2 id="my-events-heading">{text.eventsHeading}</h2>
      <p>{text.eventsIntro}</p>
      <NetworkNotice errors={loaded.errors} />
      <ErrorNotice errors={loaded.errors} />
      <ListState loading={loaded.loading && !loaded.data} list={loaded.data?.myEventRegistrations && rows} empty={text.eventsNone}>
        {(rows) => (
          <DataTable
            caption={text.eventsHeading}
            columns={[text.eventsEvent, text.eventsWhen, text.eventsWhere, text.eventsPerson, text.eventsStatus]}
            class="member-area-table own-events"
          >
            {rows.map((r) => (
              <tr key={r.id} data-withdrawn={r.event?.withdrawnAt ? 'true' : undefined}>
                <th scope="row">
                  <a href={paths.newsItem(r.event!.id)}>{r.event!.title}</a>
                </th>
                <td>
                  <time dateTime={r.event!.startsAt!}>{dateTime(r.event!.startsAt!)}</time>
                </td>
                <td>{r.event!.place ?? ''}</td>
                <td>{r.participant}</td>
                <td>{status(r)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
    </section>
  );
}

function AvailabilityForm({ member }: { member: OwnMember }) {
  const text = useMemberText();
  const { t } = useLocale();
  const [status, setStatus] = useState<AvailabilityStatus>(member.availability);
  const [saved, setSaved] = useState<AvailabilityStatus | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await request(setOwnAvailability, { status });
    setBusy(false);
    if (!result.data) {
      setSaved(null);
      return setError(sayFailure(result.errors));
    }
    setError(null);
    setSaved(result.data.setAvailability);
  };
  return (
    <section aria-labelledby="my-availability-heading">
      <h2 id="my-availability-heading">{text.availabilityHeading}</h2>
      <form class="member-area-form" onSubmit={submit}>
        <fieldset>
          <legend>{text.availabilityIntro}</legend>
          {availabilityStatuses.map((value) => (
            <div class="choice" key={value}>
              <input type="radio" id={`availability-${value}`} name="availability" value={value} checked={status === value} onChange={() => setStatus(value)} />
              <label for={`availability-${value}`}>{t[`availability_${value}`]}</label>
            </div>
          ))}
        </fieldset>
        {error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.availabilitySaving : text.availabilitySave}
          </button>
        </div>
        <div role="status" class="saved">
          {saved && <p class="notice notice-ok">{text.availabilitySaved(t[`availability_${saved}`])}</p>}
        </div>
      </form>
    </section>
  );
}

/**
 * The lists of the member's profile it keeps here (processes and materials, services, certifications, contact persons),
 * each form saving its own with updateMember. They share the member's version: the newest answer of the server, from
 * the page's read, a form's save or a read after a CONFLICT, is every form's, and each keeps what was typed in it
 * (member-rows.tsx, useListDraft). Its network's office and admin edit them on the member's edit page (member-form.tsx).
 */
export function ProfileLists({ memberId, audience = 'member' }: { memberId: string; audience?: 'member' | 'office' }) {
  const loaded = useQuery(ownCapabilities, { id: memberId });
  const [own, setOwn] = useState<OwnCapabilities | null>(null);
  useEffect(() => {
    if (loaded.data?.member) setOwn(loaded.data.member);
  }, [loaded.data]);
  // Two forms saved at once answer in either order: the higher version is the newer state.
  const onServerState = useCallback((next: OwnCapabilities) => setOwn((previous) => (previous && previous.version > next.version ? previous : next)), []);
  if (!own) return null;
  const props = { memberId, own, onServerState, audience };
  return (
    <>
      <CapabilitiesForm {...props} />
      <ServicesForm {...props} />
      <CertificationsForm {...props} />
      <ContactsForm {...props} />
    </>
  );
}

const capabilitiesOf = (own: OwnCapabilities) => ({ processes: own.processes.map((p) => p.code), materials: own.materials });

/** The member's processes and materials, chosen in the search's pickers (the member form edits name, address and the rest). */
function CapabilitiesForm(props: ListFormProps) {
  const text = useMemberText();
  const { language } = useLocale();
  const { draft, setDraft, base, setBase } = useListDraft(props.own, capabilitiesOf);
  const [message, setMessage] = useState<{ ok: boolean; text: Said; field?: 'processes' | 'materials' } | null>(null);
  // The processes and materials as the server has them now, shown beside the choice kept after a colleague changed them.
  const [theirs, setTheirs] = useState<{ processes: string[]; materials: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await saveList(props, capabilitiesOf, base, draft);
    setBusy(false);
    if ('saved' in outcome) {
      const saved = outcome.saved;
      setDraft(capabilitiesOf(saved));
      setBase(capabilitiesOf(saved));
      setTheirs(null);
      return setMessage({
        ok: true,
        text: say((locale) => memberText(locale).capabilitiesSaved(locale.number(saved.processes.length), locale.number(saved.materials.length))),
      });
    }
    if ('changed' in outcome) {
      setBase(capabilitiesOf(outcome.changed));
      setTheirs(capabilitiesOf(outcome.changed));
      return setMessage({ ok: false, text: say((locale) => memberText(locale).listChanged(memberText(locale).listNames.capabilities)) });
    }
    const error = outcome.errors[0];
    const field = String(error?.extensions?.field ?? '').replace(/^input\./, '');
    setMessage({
      ok: false,
      text: field === 'processes' || field === 'materials' ? sayError(error) : sayFailure(outcome.errors),
      field: field === 'processes' || field === 'materials' ? field : undefined,
    });
  };

  return (
    <section aria-labelledby="my-capabilities-heading">
      <h2 id="my-capabilities-heading">{text.capabilitiesHeading}</h2>
      <p>{props.audience === 'office' ? text.officeIntros.capabilities : text.capabilitiesIntro}</p>
      <form class="member-area-form" onSubmit={submit} aria-labelledby="my-capabilities-heading">
        <ProcessPicker name="own-processes" label={text.processesLabel} values={draft.processes} onChange={(processes) => setDraft({ ...draft, processes })} />
        {message?.field === 'processes' && <p class="field-error">{message.text}</p>}
        <MaterialPicker name="own-materials" label={text.materialsLabel} values={draft.materials} onChange={(materials) => setDraft({ ...draft, materials })} />
        {message?.field === 'materials' && <p class="field-error">{message.text}</p>}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.availabilitySaving : text.capabilitiesSave}
          </button>
        </div>
        <div role="status" class="saved">
          {message && !message.field && <p class={`notice ${message.ok ? 'notice-ok' : 'notice-error'}`}>{message.text}</p>}
          {theirs && (
            <div class="notice notice-warning">
              {text.theirsHeading}
              <ul>
                <li>
                  {text.processesLabel}: {theirs.processes.map((code) => `${code} ${processName(code, language)}`).join(', ') || text.theirsNone}
                </li>
                <li>
                  {text.materialsLabel}: {theirs.materials.join(', ') || text.theirsNone}
                </li>
              </ul>
            </div>
          )}
        </div>
      </form>
    </section>
  );
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The member's contact persons, seen only by signed-in users. */
function ContactsForm(props: ListFormProps) {
  const text = useMemberText();
  return (
    <RowsForm
      {...props}
      list="contacts"
      idPrefix="contact"
      fields={[
        { name: 'name', label: text.contact_name, required: true },
        { name: 'role', label: text.contact_role },
        { name: 'email', label: text.contact_email },
        { name: 'phone', label: text.contact_phone },
      ]}
      rowsOf={(own) => own.contacts.map((c) => ({ name: c.name, role: c.role ?? '', email: c.email ?? '', phone: c.phone ?? '' }))}
      patchOf={(rows) => ({ contacts: rows.map((r) => ({ name: r.name, role: optional(r.role), email: optional(r.email), phone: optional(r.phone) })) })}
      texts={{
        heading: text.contactsHeading,
        intro: props.audience === 'office' ? text.officeIntros.contacts : text.contactsIntro,
        empty: text.noContacts,
        legend: text.contactLegend,
        add: text.addContact,
        removeLabel: text.removeContactLabel,
        save: text.contactsSave,
      }}
    />
  );
}

/** The member's services, each with the DIN 8580 codes of its processes written as a list (3.2.3, 3.2.1). */
function ServicesForm(props: ListFormProps) {
  const text = useMemberText();
  return (
    <RowsForm
      {...props}
      list="services"
      idPrefix="service"
      fields={[
        { name: 'title', label: text.service_title, required: true },
        { name: 'description', label: text.service_description, type: 'textarea' },
        { name: 'processes', label: text.service_processes, hint: text.serviceProcessesHint },
      ]}
      rowsOf={(own) => own.services.map((s) => ({ title: s.title, description: s.description ?? '', processes: s.processes.map((p) => p.code).join(', ') }))}
      patchOf={(rows) => ({
        services: rows.map((r) => ({
          title: r.title,
          description: optional(r.description),
          processes: r.processes.split(/[\s,;]+/).filter((code) => code !== ''),
        })),
      })}
      texts={{
        heading: text.servicesHeading,
        intro: props.audience === 'office' ? text.officeIntros.services : text.servicesIntro,
        empty: text.noServices,
        legend: text.serviceLegend,
        add: text.addService,
        removeLabel: text.removeServiceLabel,
        save: text.servicesSave,
      }}
    />
  );
}

/** The member's certifications: the standard suggested from the list the network knows, its number, the date it is valid until. */
function CertificationsForm(props: ListFormProps) {
  const text = useMemberText();
  return (
    <RowsForm
      {...props}
      list="certifications"
      idPrefix="certificate"
      fields={[
        { name: 'standard', label: text.certificate_standard, required: true, list: 'certificate-standards' },
        { name: 'number', label: text.certificate_number },
        { name: 'validUntil', label: text.certificate_validUntil, required: true, type: 'date' },
      ]}
      rowsOf={(own) => own.certifications.map((c) => ({ standard: c.standard, number: c.number ?? '', validUntil: c.validUntil }))}
      patchOf={(rows) => ({ certifications: rows.map((r) => ({ standard: r.standard.trim(), number: optional(r.number), validUntil: r.validUntil })) })}
      texts={{
        heading: text.certificationsHeading,
        intro: props.audience === 'office' ? text.officeIntros.certifications : text.certificationsIntro,
        empty: text.noCertifications,
        legend: text.certificateLegend,
        add: text.addCertificate,
        removeLabel: text.removeCertificateLabel,
        save: text.certificationsSave,
      }}
    >
      <datalist id="certificate-standards">
        {certificates.map((standard) => (
          <option key={standard} value={standard} />
        ))}
      </datalist>
    </RowsForm>
  );
}

/** A post's capacity as people read it: CAD system or the process's name with its code. */
function describe(text: MemberMessages, language: Language, post: Pick<OwnCapacityPost, 'kind' | 'cadSystem' | 'process'>): string {
  const detail =
    post.kind === 'CAD' ? text.cadSystem[post.cadSystem ?? ''] : post.process ? `${processName(post.process.code, language)} (${post.process.code})` : '';
  return `${text.kind[post.kind]}: ${detail}`;
}

/** A post as a notice names it: its side and what it is. */
const named = (locale: Locale, post: Pick<OwnCapacityPost, 'side' | 'kind' | 'cadSystem' | 'process'>) =>
  `${memberText(locale).side[post.side]} ${describe(memberText(locale), locale.language, post)}`;

/** The capacity page's two tables (the member's posts, its bookings) look alike: captions shown, the area's table style. */
const capacityTable = { showCaption: true, class: 'member-area-table', scrollClass: 'member-area-scroll' } as const;

function CapacityPage({ memberId }: { memberId: string }) {
  const text = useMemberText();
  const { date, number, currency, language } = useLocale();
  const capacity = useReloadable(ownCapacity, { member: memberId });
  const member = useReloadable(ownMember, { id: memberId });
  const [notice, setNotice] = useState<{ ok: boolean; message: Said } | null>(null);
  const postsHeading = useRef<HTMLHeadingElement>(null);
  const [bookingNotice, setBookingNotice] = useState<{ ok: boolean; message: Said } | null>(null);
  const bookingsHeading = useRef<HTMLHeadingElement>(null);
  const keys = useIdempotencyKeys();
  const bookings = capacity.data?.capacityBookings ?? [];
  const window = (from: string, to: string) => text.window(date(from), date(to));

  const withdraw = async (post: OwnCapacityPost) => {
    const write = `withdraw ${post.id}`;
    const result = await request(withdrawOwnCapacity, { id: post.id, version: post.version, idempotencyKey: keys.of(write) });
    keys.settle(write, result.errors);
    if (result.data) setNotice({ ok: true, message: say((locale) => memberText(locale).withdrawn(named(locale, post))) });
    else if (result.errors[0]?.extensions?.code === 'CONFLICT') setNotice({ ok: false, message: say((locale) => memberText(locale).postChanged) });
    else setNotice({ ok: false, message: sayFailure(result.errors) });
    capacity.reload();
    // The row and its button are gone: the focus goes to the list's heading, the notice below it says what happened.
    postsHeading.current?.focus();
  };

  /**
   * Confirms or declines a booking of an offer of ours, or cancels one of either side (the booker had no way to, and a
   * request on the offer of a member that left stayed "angefragt": the self-service probe); its buttons go, so the
   * focus goes to the bookings' heading.
   */
  const decide = async (booking: CapacityBookingRow, action: BookingAction) => {
    const write = `${action} ${booking.id}`;
    const idempotencyKey = keys.of(write);
    const variables = { id: booking.id, idempotencyKey };
    // Each mutation's answer by its own field: the booking as the action left it, or the errors.
    const { errors, changed } =
      action === 'confirm'
        ? await request(confirmOwnBooking, variables).then((r) => ({ errors: r.errors, changed: r.data?.confirmCapacityBooking }))
        : action === 'decline'
          ? await request(declineOwnBooking, variables).then((r) => ({ errors: r.errors, changed: r.data?.declineCapacityBooking }))
          : await request(cancelOwnBooking, variables).then((r) => ({ errors: r.errors, changed: r.data?.cancelCapacityBooking }));
    keys.settle(write, errors);
    setBookingNotice(
      changed
        ? {
            ok: true,
            message: say((locale) => {
              const text = memberText(locale);
              return text.bookingChanged(locale.memberName(booking.member, booking.memberRef.id), text.bookingStatus[changed.status]);
            }),
          }
        : { ok: false, message: sayFailure(errors) },
    );
    capacity.reload();
    bookingsHeading.current?.focus();
  };

  return (
    <>
      <p class="member-area-back">
        <a href={memberAreaPaths.overview}>{text.back}</a>
      </p>
      <h1>{text.capacityHeading}</h1>
      <p class="lead">{text.capacityIntro}</p>
      <NetworkNotice errors={capacity.errors} />
      <ErrorNotice errors={capacity.errors} />
      <section aria-labelledby="my-posts-heading">
        <h2 id="my-posts-heading" ref={postsHeading} tabIndex={-1}>
          {text.postsHeading}
        </h2>
        <div role="status">{notice && <p class={`notice ${notice.ok ? 'notice-ok' : 'notice-error'}`}>{notice.message}</p>}</div>
        <ListState loading={capacity.loading && !capacity.data} list={capacity.data?.capacityPosts?.nodes} empty={text.noPosts}>
          {(rows) => (
            <DataTable
              caption={text.postsCaption}
              columns={[
                text.columnSide,
                text.columnWhat,
                text.columnWindow,
                { label: text.columnHours, class: 'number' },
                { label: text.columnBooked, class: 'number' },
                { label: text.columnRemaining, class: 'number' },
                text.columnPrice,
                text.columnActions,
              ]}
              {...capacityTable}
            >
              {rows.map((post) => (
                <tr key={post.id} data-post={post.id}>
                  <td>{text.side[post.side]}</td>
                  <th scope="row">
                    {describe(text, language, post)}
                    {post.machine && <span class="detail">{post.machine}</span>}
                  </th>
                  <td>{window(post.from, post.to)}</td>
                  <td class="number">{number(post.hours)}</td>
                  <td class="number">{post.side === 'OFFER' ? number(post.bookedHours) : '–'}</td>
                  <td class="number">{post.side === 'OFFER' ? number(post.remainingHours) : '–'}</td>
                  <td>{post.pricePerHour === null ? text.onRequest : currency(post.pricePerHour, 'EUR')}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={text.withdrawLabel(describe(text, language, post), window(post.from, post.to))}
                      onClick={() => withdraw(post)}
                    >
                      {text.withdraw}
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </ListState>
      </section>
      <section aria-labelledby="my-bookings-heading">
        <h2 id="my-bookings-heading" ref={bookingsHeading} tabIndex={-1}>
          {text.bookingsHeading}
        </h2>
        <div role="status">{bookingNotice && <p class={`notice ${bookingNotice.ok ? 'notice-ok' : 'notice-error'}`}>{bookingNotice.message}</p>}</div>
        {capacity.data?.capacityBookings && bookings.length === 0 && <p>{text.noBookings}</p>}
        {bookings.length > 0 && <BookingsTable bookings={bookings} memberId={memberId} window={window} onDecide={decide} />}
      </section>
      {member.data?.member && (
        <NewPostForm
          postalCode={member.data.member.postalCode}
          onPosted={(post) => {
            setNotice(null);
            capacity.reload();
            return say((locale) => memberText(locale).posted(named(locale, post)));
          }}
        />
      )}
    </>
  );
}

/** What a bookings row's buttons do. */
type BookingAction = 'confirm' | 'decline' | 'cancel';

function BookingsTable({
  bookings,
  memberId,
  window,
  onDecide,
}: {
  bookings: CapacityBookingRow[];
  memberId: string;
  window: (from: string, to: string) => string;
  onDecide: (booking: CapacityBookingRow, action: BookingAction) => void;
}) {
  const text = useMemberText();
  const { number, memberName, language } = useLocale();
  return (
    <DataTable
      caption={text.bookingsCaption}
      columns={[
        text.columnDirection,
        text.columnPartner,
        text.columnWhat,
        text.columnWindow,
        { label: text.columnHours, class: 'number' },
        text.columnStatus,
        text.columnActions,
      ]}
      {...capacityTable}
    >
      {bookings.map((booking) => {
        const onOurs = booking.offer.memberRef.id === memberId;
        return (
          <tr key={booking.id} data-booking={booking.id}>
            <td>{onOurs ? text.bookedByOther : text.bookedByUs}</td>
            <th scope="row">{onOurs ? memberName(booking.member, booking.memberRef.id) : memberName(booking.offer.member, booking.offer.memberRef.id)}</th>
            <td>{describe(text, language, booking.offer)}</td>
            <td>{window(booking.from, booking.to)}</td>
            <td class="number">{number(booking.hours)}</td>
            <td>{text.bookingStatus[booking.status]}</td>
            <td>
              {onOurs && booking.status === 'REQUESTED' && (
                <span class="member-area-buttons">
                  <button
                    type="button"
                    aria-label={text.confirmLabel(memberName(booking.member, booking.memberRef.id), number(booking.hours))}
                    onClick={() => onDecide(booking, 'confirm')}
                  >
                    {text.confirm}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={text.declineLabel(memberName(booking.member, booking.memberRef.id), number(booking.hours))}
                    onClick={() => onDecide(booking, 'decline')}
                  >
                    {text.decline}
                  </button>
                </span>
              )}
              {(onOurs ? booking.status === 'CONFIRMED' : booking.status === 'REQUESTED' || booking.status === 'CONFIRMED') && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={text.cancelLabel(
                    onOurs ? memberName(booking.member, booking.memberRef.id) : memberName(booking.offer.member, booking.offer.memberRef.id),
                    number(booking.hours),
                  )}
                  onClick={() => onDecide(booking, 'cancel')}
                >
                  {text.cancel}
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

type PostField = 'side' | 'kind' | 'cadSystem' | 'process' | 'machine' | 'hours' | 'from' | 'to' | 'postalCode' | 'pricePerHour' | 'notes';
const postFieldOrder: PostField[] = ['side', 'kind', 'cadSystem', 'process', 'machine', 'hours', 'from', 'to', 'postalCode', 'pricePerHour', 'notes'];
type PostValues = Record<PostField, string>;
type PostErrors = Partial<Record<PostField | 'form', Said>>;

/** The form field a server error is about: it names the input's field (input.hours, input.from, …). */
function postFieldOf(error: GraphQLErrorLike): PostField | undefined {
  const field = typeof error.extensions?.field === 'string' ? error.extensions.field.replace(/^input\./, '') : undefined;
  return postFieldOrder.find((f) => f === field);
}

/** The form's text as postCapacity takes it, or the field whose text is no number. */
function postInputOf(values: PostValues, language: Language): CapacityPostFields | { notNumber: 'hours' | 'pricePerHour' } {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const hours = values.hours.trim();
  if (!/^\d+$/.test(hours)) return { notNumber: 'hours' };
  const written = values.pricePerHour.trim();
  const price = written === '' ? null : parseAmount(written, language);
  if (Number.isNaN(price)) return { notNumber: 'pricePerHour' };
  const cad = values.kind === 'CAD';
  return {
    side: values.side as CapacityPostFields['side'],
    kind: values.kind as CapacityPostFields['kind'],
    cadSystem: cad ? (values.cadSystem as CapacityPostFields['cadSystem']) : null,
    process: cad ? null : optional(values.process),
    machine: optional(values.machine),
    hours: Number(hours),
    from: values.from,
    to: values.to,
    postalCode: values.postalCode.trim(),
    pricePerHour: price,
    notes: optional(values.notes),
  };
}

function NewPostForm({ postalCode, onPosted }: { postalCode: string; onPosted: (post: OwnCapacityPost) => Said }) {
  const text = useMemberText();
  const { language } = useLocale();
  const initial: PostValues = {
    side: 'OFFER',
    kind: 'MACHINE_HOURS',
    cadSystem: 'CATIA_V5',
    process: '',
    machine: '',
    hours: '',
    from: '',
    to: '',
    postalCode,
    pricePerHour: '',
    notes: '',
  };
  const [values, setValues] = useState<PostValues>(initial);
  useNotation(language, (from, to) => setValues((v) => ({ ...v, pricePerHour: amountIn(v.pricePerHour, from, to) })));
  const [errors, setErrors] = useState<PostErrors>({});
  const [saved, setSaved] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const postKeys = useIdempotencyKeys();
  const { inputs, focusFirst } = useFieldFocus(postFieldOrder);
  const formNotice = useRef<HTMLParagraphElement>(null);
  const savedNotice = useRef<HTMLDivElement>(null);
  // ORDER names the other field (to before from): the error says it as the form labels it, in the language shown.
  const postLabels = (locale: Locale) => Object.fromEntries(postFieldOrder.map((f) => [f, memberText(locale)[`field_${f}`]]));

  /** Shows the errors and moves the focus to the first field in error, whose message its screen reader then reads. */
  const fail = (next: PostErrors) => {
    setErrors(next);
    setSaved(null);
    // The button was disabled while the post went out, and the keyboard's focus with it: to the form's error, once shown.
    if (!focusFirst(next) && next.form) requestAnimationFrame(() => formNotice.current?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const required: PostField[] = [...(values.kind === 'CAD' ? [] : ['process' as const]), 'hours', 'from', 'to', 'postalCode'];
    const blank = blankRequired(required, (field) => values[field]);
    if (Object.keys(blank).length > 0) return fail(blank);
    const input = postInputOf(values, language);
    if ('notNumber' in input) {
      const key = input.notNumber === 'hours' ? 'hoursWhole' : 'priceNumber';
      return fail({ [input.notNumber]: say((locale) => memberText(locale)[key]) });
    }
    setBusy(true);
    const result = await request(postOwnCapacity, { input, idempotencyKey: postKeys.of() });
    setBusy(false);
    postKeys.settle('form', result.errors);
    const post = result.data?.postCapacity;
    if (!post) {
      const error = result.errors[0];
      const field = error && postFieldOf(error);
      if (field) return fail({ [field]: sayError(error, postLabels) });
      return fail({ form: say((locale) => `${locale.t.failed} ${result.errors.map((e) => errorText(e, locale, postLabels(locale))).join(' ')}`) });
    }
    setErrors({});
    setValues(initial);
    setSaved(onPosted(post));
    // The form is empty again and its button was disabled while the post went out: the keyboard continues at the
    // notice that says what was posted (its screen reader reads it), not at the page's start.
    savedNotice.current?.focus();
  };

  const ref = (name: PostField) => (element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null) => {
    inputs.current[name] = element;
  };
  const common = (name: PostField, hint?: string) => {
    const error = errors[name];
    const describedBy = [hint && `post-${name}-hint`, error && `post-${name}-error`].filter(Boolean).join(' ');
    return {
      id: `post-${name}`,
      name,
      value: values[name],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
      onInput: (e: Event) => setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement).value }),
    };
  };
  const label = (name: PostField, required = false) => (
    <label for={`post-${name}`}>
      {text[`field_${name}`]}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
  const errorOf = (name: PostField) =>
    errors[name] && (
      <p class="field-error" id={`post-${name}-error`}>
        {errors[name]}
      </p>
    );
  const input = (name: PostField, options: { required?: boolean; type?: 'text' | 'date'; inputMode?: 'numeric' | 'decimal'; hint?: string } = {}) => (
    <div class="field">
      {label(name, options.required)}
      {options.type === 'date' ? (
        <input ref={ref(name)} type="date" required={options.required} {...common(name, options.hint)} />
      ) : (
        <input
          ref={ref(name)}
          type="text"
          inputMode={options.inputMode}
          aria-required={options.required ? 'true' : undefined}
          {...common(name, options.hint)}
        />
      )}
      {options.hint && (
        <p class="field-hint" id={`post-${name}-hint`}>
          {options.hint}
        </p>
      )}
      {errorOf(name)}
    </div>
  );
  const select = (name: PostField, options: [string, string][]) => (
    <div class="field">
      {label(name, true)}
      <select ref={ref(name)} {...common(name)} onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}>
        {options.map(([value, shown]) => (
          <option key={value} value={value}>
            {shown}
          </option>
        ))}
      </select>
      {errorOf(name)}
    </div>
  );

  return (
    <section aria-labelledby="new-post-heading">
      <h2 id="new-post-heading">{text.newHeading}</h2>
      <p>{text.newIntro}</p>
      <form class="member-area-form" onSubmit={submit} noValidate aria-labelledby="new-post-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert" ref={formNotice} tabIndex={-1}>
            {errors.form}
          </p>
        )}
        <div class="field-row">
          {select('side', [
            ['OFFER', text.side.OFFER],
            ['REQUEST', text.side.REQUEST],
          ])}
          {select('kind', [
            ['MACHINE_HOURS', text.kind.MACHINE_HOURS],
            ['CAD', text.kind.CAD],
          ])}
        </div>
        {values.kind === 'CAD'
          ? select(
              'cadSystem',
              cadSystems.map((system) => [system, text.cadSystem[system]]),
            )
          : input('process', { required: true, hint: text.processHint })}
        {input('machine')}
        <div class="field-row">
          {input('hours', { required: true, inputMode: 'numeric' })}
          {input('from', { required: true, type: 'date' })}
          {input('to', { required: true, type: 'date' })}
        </div>
        <div class="field-row">
          {input('postalCode', { required: true, inputMode: 'numeric' })}
          {input('pricePerHour', { inputMode: 'decimal' })}
        </div>
        <div class="field">
          {label('notes')}
          <textarea ref={ref('notes')} rows={3} {...common('notes')} />
          {errorOf('notes')}
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.posting : text.post}
          </button>
        </div>
        <div role="status" class="saved" ref={savedNotice} tabIndex={-1}>
          {saved && <p class="notice notice-ok">{saved}</p>}
        </div>
      </form>
    </section>
  );
}
