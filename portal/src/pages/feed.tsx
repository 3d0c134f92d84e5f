import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { otherErrors, request, type GraphQLErrorLike, type Result } from '../graphql.ts';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { ConfirmQuestion } from '../components/confirm-question.tsx';
import { DataTable, ListState } from '../components/data-table.tsx';
import {
  cancelEventRegistration,
  eventRegistrations,
  myEventRegistrations,
  newsFeed,
  newsItem,
  registerForEvent,
  withdrawNews,
  type EventRegistrationView,
  type FeedData,
  type FeedFilter,
  type NetworkCode,
  type NewsItemView,
  type OrganiserRegistrationView,
} from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { errorField, Field } from './cooperation.tsx';
import { cooperationText, useCooperationText } from './cooperation-messages.ts';

// The feed of every network's and the region's news and events, newest first, ten at a time by cursor
// ("load more" appends the next page), filtered by kind, network and upcoming events in the URL
// (?art=EVENT&netz=NIWE,LINAT&kommend=1), so a selection can be bookmarked; and one item's page, where a
// signed-in member registers its people for an event (REGISTERED, or WAITING with its place in line) and cancels.

/** Ten items fill a screen; the feed costs one statement per database whatever the page size (README "News and events"). */
const pageSize = 10;
const networkCodes: NetworkCode[] = ['NIWE', 'LINAT', 'KONAT'];

function filterOf(params: URLSearchParams): FeedFilter & { networks: NetworkCode[] } {
  const kind = params.get('art');
  const networks = (params.get('netz') ?? '').split(',').filter((c): c is NetworkCode => networkCodes.includes(c as NetworkCode));
  return {
    ...(kind === 'NEWS' || kind === 'EVENT' ? { kind } : {}),
    networks,
    upcoming: params.get('kommend') === '1',
  };
}

function urlOf(filter: ReturnType<typeof filterOf>): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('art', filter.kind);
  if (filter.networks.length) params.set('netz', filter.networks.join(','));
  if (filter.upcoming) params.set('kommend', '1');
  const query = params.toString();
  return query ? `${paths.feed}?${query}` : paths.feed;
}

/** The graph's filter: no network chosen means all of them and the region's items; some chosen means those alone. */
const graphFilter = (filter: ReturnType<typeof filterOf>): FeedFilter => ({
  ...(filter.kind ? { kind: filter.kind } : {}),
  ...(filter.networks.length ? { networks: filter.networks, regionWide: false } : {}),
  upcoming: filter.upcoming,
});

interface FeedState {
  items: NewsItemView[];
  endCursor: string | null;
  hasNextPage: boolean;
  errors: GraphQLErrorLike[];
  loading: boolean;
}

export function FeedPage({ params }: { params: URLSearchParams }) {
  const text = useCooperationText();
  const { t, number } = useLocale();
  const filter = filterOf(params);
  const key = JSON.stringify(graphFilter(filter));
  const [state, setState] = useState<FeedState>({ items: [], endCursor: null, hasNextPage: false, errors: [], loading: true });
  const firstNew = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // The filter's requests, "load more" among them, end when the filter changes: a later page of the old filter
  // arriving after the change was appended, with its cursor, to the new filter's list.
  const filterRequests = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    filterRequests.current = controller;
    setState({ items: [], endCursor: null, hasNextPage: false, errors: [], loading: true });
    request(newsFeed, { first: pageSize, filter: JSON.parse(key) as FeedFilter }, controller.signal).then(
      (result) =>
        setState({
          items: result.data?.feed.edges.map((e) => e.node) ?? [],
          endCursor: result.data?.feed.pageInfo.endCursor ?? null,
          hasNextPage: result.data?.feed.pageInfo.hasNextPage ?? false,
          errors: result.errors,
          loading: false,
        }),
      (error: Error) => error.name !== 'AbortError' && setState((s) => ({ ...s, loading: false, errors: [{ message: error.message }] })),
    );
    return () => controller.abort();
  }, [key]);

  useEffect(() => {
    // After "load more" the keyboard goes on at the first new item rather than at the button, which moved down.
    if (firstNew.current === null || state.loading) return;
    list.current?.querySelectorAll<HTMLAnchorElement>('.feed-item h2 a')[firstNew.current]?.focus();
    firstNew.current = null;
  }, [state]);

  const more = async () => {
    if (!state.endCursor) return;
    const signal = filterRequests.current?.signal;
    firstNew.current = state.items.length;
    setState((s) => ({ ...s, loading: true }));
    let result: Result<FeedData>;
    try {
      result = await request(newsFeed, { first: pageSize, after: state.endCursor, filter: JSON.parse(key) as FeedFilter }, signal);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setState((s) => ({ ...s, loading: false, errors: [{ message: (error as Error).message }] }));
      return;
    }
    if (signal?.aborted) return;
    setState((s) => ({
      items: [...s.items, ...(result.data?.feed.edges.map((e) => e.node) ?? [])],
      endCursor: result.data?.feed.pageInfo.endCursor ?? s.endCursor,
      hasNextPage: result.data ? result.data.feed.pageInfo.hasNextPage : s.hasNextPage,
      errors: result.errors,
      loading: false,
    }));
  };

  /** Puts a choice into the URL, replacing the entry (a choice is no page to go back to); the focus stays on the control. */
  const change = (next: Partial<ReturnType<typeof filterOf>>) => {
    history.replaceState(null, '', urlOf({ ...filter, ...next }));
    dispatchEvent(new PopStateEvent('popstate'));
  };

  return (
    <>
      <h1>{text.feedHeading}</h1>
      <p class="lead">{text.feedIntro}</p>
      <form class="feed-filter" onSubmit={(e) => e.preventDefault()} aria-label={text.feedHeading}>
        <div class="field">
          <label for="feed-kind">{text.filterKind}</label>
          <select id="feed-kind" value={filter.kind ?? ''} onChange={(e) => change({ kind: (e.currentTarget.value || undefined) as FeedFilter['kind'] })}>
            <option value="">{text.kindAll}</option>
            <option value="EVENT">{text.kindPlural.EVENT}</option>
            <option value="NEWS">{text.kindPlural.NEWS}</option>
          </select>
        </div>
        <fieldset>
          <legend>{text.filterNetworks}</legend>
          {networkCodes.map((code) => (
            <label key={code} class="check">
              <input
                type="checkbox"
                name="feed-network"
                value={code}
                checked={filter.networks.includes(code)}
                onChange={(e) => change({ networks: e.currentTarget.checked ? [...filter.networks, code] : filter.networks.filter((c) => c !== code) })}
              />{' '}
              {code}
            </label>
          ))}
        </fieldset>
        <label class="check">
          <input id="feed-upcoming" type="checkbox" checked={filter.upcoming} onChange={(e) => change({ upcoming: e.currentTarget.checked })} />{' '}
          {text.filterUpcoming}
        </label>
      </form>
      <NetworkNotice errors={state.errors} />
      <ErrorNotice errors={state.errors} />
      <section aria-label={text.feedHeading} aria-busy={state.loading ? 'true' : undefined}>
        {state.items.length === 0 ? (
          // Empty only when the feed answered: after it failed, the notice above says so instead.
          (state.loading || !otherErrors(state.errors).length) && (
            <p class={state.loading ? 'searching' : undefined}>{state.loading ? t.loading : text.feedEmpty}</p>
          )
        ) : (
          <ol class="feed" ref={list}>
            {state.items.map((item) => (
              <FeedItem key={item.id} item={item} />
            ))}
          </ol>
        )}
        <p class="muted" role="status">
          {state.items.length > 0 && text.itemsShown(number(state.items.length))}
        </p>
        {state.hasNextPage && (
          <button type="button" class="more" onClick={more} disabled={state.loading}>
            {state.loading ? t.loading : text.moreItems}
          </button>
        )}
      </section>
    </>
  );
}

function Source({ item }: { item: NewsItemView }) {
  const text = useCooperationText();
  return <span class="source">{item.network ? item.network.code : text.regionWide}</span>;
}

/** About two lines of the text: the feed shows what an item is about, its page the whole of it. */
const excerptLength = 180;
const excerpt = (text: string) =>
  text.length <= excerptLength ? text : `${text.slice(0, text.lastIndexOf(' ', excerptLength) + 1 || excerptLength).trimEnd()} …`;

function FeedItem({ item }: { item: NewsItemView }) {
  const text = useCooperationText();
  const { dateTime } = useLocale();
  return (
    <li class={`feed-item kind-${item.kind.toLowerCase()}`} data-id={item.id}>
      <p class="feed-meta">
        <span class="kind">{text.kind[item.kind]}</span> · <Source item={item} />
        {item.visibility === 'MEMBERS' && <> · {text.membersOnly}</>}
      </p>
      <h2>
        <a href={paths.newsItem(item.id)}>{item.title}</a>
      </h2>
      {item.kind === 'EVENT' && item.startsAt && (
        <p class="event-when">
          <time dateTime={item.startsAt}>{dateTime(item.startsAt)}</time>
          {item.place && <>, {item.place}</>}
        </p>
      )}
      <p class="excerpt">{excerpt(item.text)}</p>
      <p class="muted">{text.publishedAt(dateTime(item.publishedAt))}</p>
    </li>
  );
}

export function EventPage({ id }: { id: string }) {
  const text = useCooperationText();
  const { t, dateTime, number } = useLocale();
  const loaded = useReloadable(newsItem, { id });
  const item = loaded.data?.newsItem;
  if (!item) {
    return (
      <>
        <p>
          <a href={paths.feed}>{text.backToFeed}</a>
        </p>
        {loaded.loading ? (
          <p aria-busy="true">{t.loading}</p>
        ) : (
          <>
            <h1>{text.feedHeading}</h1>
            <ErrorNotice errors={loaded.errors} />
            {loaded.errors.length === 0 && <p>{text.itemNotFound}</p>}
          </>
        )}
      </>
    );
  }
  const closesAt = item.registrationDeadline ?? item.startsAt;
  return (
    <>
      <p>
        <a href={paths.feed}>{text.backToFeed}</a>
      </p>
      <p class="feed-meta">
        <span class="kind">{text.kind[item.kind]}</span> · <Source item={item} />
        {item.visibility === 'MEMBERS' && <> · {text.membersOnly}</>}
      </p>
      <h1>{item.title}</h1>
      <p class="muted">
        {text.publishedAt(dateTime(item.publishedAt))}
        {item.updatedAt && <>, {text.updatedAt(dateTime(item.updatedAt))}</>}
      </p>
      {item.withdrawnAt && <p class="notice notice-warning">{text.withdrawnNotice(dateTime(item.withdrawnAt))}</p>}
      <PublisherActions item={item} onChange={loaded.reload} />
      {item.kind === 'EVENT' && (
        <dl class="facts event-facts">
          {item.startsAt && (
            <>
              <dt>{text.when}</dt>
              <dd>
                <time dateTime={item.startsAt}>{dateTime(item.startsAt)}</time>
                {item.endsAt && (
                  <>
                    {' – '}
                    <time dateTime={item.endsAt}>{dateTime(item.endsAt)}</time>
                  </>
                )}
              </dd>
            </>
          )}
          {item.place && (
            <>
              <dt>{text.where}</dt>
              <dd>{item.place}</dd>
            </>
          )}
          <dt>{text.places}</dt>
          <dd class="places">
            {item.registrationLimit === null
              ? text.placesUnlimited(number(item.registeredCount))
              : text.placesOf(number(item.registeredCount), number(item.registrationLimit))}
            {item.waitingCount > 0 && `; ${text.waitingCount(number(item.waitingCount))}`}
          </dd>
          {closesAt && (
            <>
              <dt>{text.deadline}</dt>
              <dd>
                <time dateTime={closesAt}>{dateTime(closesAt)}</time>
              </dd>
            </>
          )}
        </dl>
      )}
      <div class="news-text">
        {item.text.split(/\n{2,}/).map((paragraph, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one text, never reordered
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      {item.calendarPath && !item.withdrawnAt && (
        <p>
          <a class="button-link" href={item.calendarPath} download>
            {text.calendarLink}
          </a>
        </p>
      )}
      {item.kind === 'EVENT' && (
        <EventRegistration
          item={item}
          closed={item.withdrawnAt !== null || (closesAt !== null && Date.parse(closesAt) <= Date.now())}
          onChange={loaded.reload}
        />
      )}
      {/* Read again once withdrawn: the withdrawal cancelled the registrations it listed. */}
      {item.kind === 'EVENT' && <OrganiserRegistrations key={item.withdrawnAt ?? ''} item={item} onChange={loaded.reload} />}
    </>
  );
}

/** The item's publisher: its network's office, admin for any (the graph checks it again). */
function usePublisher(item: NewsItemView): boolean {
  const { session } = useSession();
  return session?.role === 'admin' || (session?.role === 'office' && item.network !== null && item.network.code === session.network);
}

/**
 * Its publisher corrects the item (the office's form with the item's values, updateNews) or withdraws it after
 * asking (withdrawNews): a title with a typo or a cancelled event could be changed only through the API.
 */
function PublisherActions({ item, onChange }: { item: NewsItemView; onChange: () => void }) {
  const text = useCooperationText();
  const confirm = useConfirmDialog<NewsItemView>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said } | null>(null);
  const status = useRef<HTMLDivElement>(null);
  if (!usePublisher(item)) return null;
  const withdraw = async () => {
    const result = await confirm.send((chosen) => request(withdrawNews, { id: chosen.id }));
    if (!result) return;
    const done = result.data?.withdrawNews;
    setOutcome(
      done ? { ok: true, message: say((locale) => cooperationText(locale).newsWithdrawnDone(done.title)) } : { ok: false, message: sayFailure(result.errors) },
    );
    if (done) onChange();
    // The button is gone once withdrawn: the keyboard continues at the outcome.
    requestAnimationFrame(() => status.current?.focus());
  };
  return (
    <section class="publisher-actions" aria-label={text.publisherActions}>
      {!item.withdrawnAt && (
        <div class="row-actions">
          <a class="button-link secondary" href={paths.newsCorrection(item.id)}>
            {text.correctItem}
          </a>
          <button type="button" class="secondary" onClick={() => confirm.ask(item)}>
            {text.withdrawItem}
          </button>
        </div>
      )}
      <div role="status" ref={status} tabIndex={-1}>
        {outcome && <p class={`notice ${outcome.ok ? 'notice-ok' : 'notice-error'}`}>{outcome.message}</p>}
      </div>
      <ConfirmQuestion
        confirm={confirm}
        id="withdraw-news-question"
        question={(chosen) => text.withdrawNewsQuestion(chosen.title, chosen.kind, chosen.registeredCount + chosen.waitingCount)}
        action={text.withdrawNewsConfirm}
        cancel={text.cancelQuestion}
        onConfirm={withdraw}
      />
    </section>
  );
}

/**
 * The organising office (admin for a region-wide event) sees who is registered and waiting, by name and company,
 * and cancels a registration after asking, as the graph let it (eventRegistrations, cancelEventRegistration) while
 * the page showed it nothing: a place of a company that had left stayed taken ("1 von 1 vergeben; 1 auf der
 * Warteliste", the archiving probe), and only a GraphQL client could free it.
 */
function OrganiserRegistrations({ item, onChange }: { item: NewsItemView; onChange: () => void }) {
  const { t, number, memberName } = useLocale();
  const coop = useCooperationText();
  const organiser = usePublisher(item);
  const list = useReloadable(eventRegistrations, organiser ? { eventId: item.id } : undefined);
  const confirm = useConfirmDialog<OrganiserRegistrationView>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!organiser) return null;
  const nameOf = (r: OrganiserRegistrationView) => memberName(r.member, r.member?.id ?? '');

  const cancel = async () => {
    const result = await confirm.send((chosen) => request(cancelEventRegistration, { id: chosen.id }));
    if (!result) return;
    const done = result.data?.cancelEventRegistration;
    setOutcome(
      done
        ? {
            ok: true,
            message: say((locale) =>
              [locale.t.eventRegistrationsCancelled(done.cancelled.participant), done.movedUp && locale.t.eventRegistrationsMovedUp(done.movedUp.participant)]
                .filter(Boolean)
                .join(' '),
            ),
          }
        : { ok: false, message: sayFailure(result.errors) },
    );
    list.reload();
    if (done) onChange();
    // The row and its button are gone: the keyboard continues at the list's heading, the outcome below it.
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section class="organiser-registrations" aria-labelledby="organiser-registrations-heading">
      <h2 id="organiser-registrations-heading" ref={heading} tabIndex={-1}>
        {t.eventRegistrationsHeading}
      </h2>
      <div role="status" class="organiser-registrations-status">
        {outcome && <p class={`notice ${outcome.ok ? 'notice-ok' : 'notice-error'}`}>{outcome.message}</p>}
      </div>
      <NetworkNotice errors={list.errors} />
      <ErrorNotice errors={list.errors} />
      <ListState loading={list.loading && !list.data} list={list.data?.eventRegistrations} empty={t.eventRegistrationsEmpty}>
        {(rows) => (
          <DataTable
            caption={t.eventRegistrationsHeading}
            columns={[t.eventRegistrationsParticipant, t.eventRegistrationsMember, t.eventRegistrationsStatus, t.eventRegistrationsActions]}
            class="booth-registrations organiser-registrations-table"
            scrollClass="booth-scroll"
          >
            {/* Styled as a joint booth's registrations (cooperation.css), the other list an organiser decides on. */}
            {rows.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <th scope="row">
                  {r.participant} ({r.email})
                </th>
                <td>
                  {nameOf(r)}
                  {r.member?.archivedAt && (
                    <>
                      {' – '}
                      <strong class="left-network">{t.eventRegistrationsLeft}</strong>
                    </>
                  )}
                </td>
                <td>{r.status === 'WAITING' ? t.eventRegistrationsWaiting(number(r.waitingPosition ?? 0)) : t.eventRegistrationsRegistered}</td>
                <td>
                  <div class="row-actions">
                    <button type="button" class="secondary" aria-label={t.eventRegistrationsCancelFor(r.participant)} onClick={() => confirm.ask(r)}>
                      {t.eventRegistrationsCancel}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
      <ConfirmQuestion
        confirm={confirm}
        id="organiser-cancel-question"
        question={(r) => t.eventRegistrationsCancelQuestion(r.participant, nameOf(r))}
        action={t.eventRegistrationsCancelConfirm}
        cancel={coop.cancelQuestion}
        onConfirm={cancel}
      />
    </section>
  );
}

type RegistrationField = 'name' | 'email';

/** A member's registrations read at once: 100 covers a year of a company's events. */
const ownRegistrationsRead = 100;

/**
 * A member registers its people for the event and sees those it has registered (myEventRegistrations, so they are
 * there after a reload too), each registered or waiting with its place, and cancels one.
 */
function EventRegistration({ item, closed, onChange }: { item: NewsItemView; closed: boolean; onChange: () => void }) {
  const text = useCooperationText();
  const { t, number } = useLocale();
  const { session } = useSession();
  const member = session?.role === 'member';
  const mine = useReloadable(myEventRegistrations, member ? { first: ownRegistrationsRead } : undefined);
  const [values, setValues] = useState<Record<RegistrationField, string>>({ name: '', email: '' });
  const [errors, setErrors] = useState<Partial<Record<RegistrationField | 'form', Said>>>({});
  const [status, setStatus] = useState<{ text: Said; kind: 'ok' | 'warning' | 'error'; state?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<RegistrationField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (session?.signedIn) setValues((v) => ({ name: v.name || session.name || '', email: v.email || session.email || '' }));
  }, [session]);

  if (!session) return <p aria-busy="true">{t.loading}</p>;
  if (!session.signedIn) return <SignInFirstInline />;
  if (!member) return <p>{text.registerMembersOnly}</p>;

  const own = (mine.data?.myEventRegistrations ?? []).filter((r) => r.eventId === item.id && r.status !== 'CANCELLED');

  const register = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await request(registerForEvent, { eventId: item.id, participant: { name: values.name, email: values.email } });
    setBusy(false);
    const made = result.data?.registerForEvent;
    if (!made) {
      const error = result.errors[0];
      const field = errorField(error);
      // The same e-mail address twice for one event is a CONFLICT about that address (extensions.field participant.email).
      const at: RegistrationField | 'form' = field === 'name' || field === 'email' ? field : 'form';
      setErrors({ [at]: at === 'form' ? sayFailure(result.errors) : sayError(error) });
      setStatus(null);
      if (at !== 'form') inputs.current[at]?.focus();
      return;
    }
    setErrors({});
    setStatus(
      made.status === 'WAITING'
        ? {
            text: say((locale) => cooperationText(locale).waiting(made.participant, locale.number(made.waitingPosition ?? 0))),
            kind: 'warning',
            state: made.status,
          }
        : { text: say((locale) => cooperationText(locale).registered(made.participant)), kind: 'ok', state: made.status },
    );
    // The form is ready for the next person.
    setValues({ name: '', email: '' });
    mine.reload();
    onChange();
  };

  const cancel = async (registration: EventRegistrationView) => {
    setBusy(true);
    const result = await request(cancelEventRegistration, { id: registration.id });
    setBusy(false);
    // Beside the list it failed for, not in the registration form: once registration has closed that form is gone,
    // and a failed cancellation said nothing at all.
    if (!result.data) return setStatus({ text: sayFailure(result.errors), kind: 'error' });
    const { cancelled, movedUp } = result.data.cancelEventRegistration;
    setErrors({});
    setStatus({
      text: say((locale) => {
        const text = cooperationText(locale);
        return [text.cancelled(cancelled.participant), movedUp && text.movedUp(movedUp.participant)].filter(Boolean).join(' ');
      }),
      kind: 'ok',
    });
    // The cancelled row and its button go away: the keyboard continues at the section's heading.
    heading.current?.focus();
    mine.reload();
    onChange();
  };

  return (
    <section class="event-registration" aria-labelledby="event-registration-heading">
      <h2 id="event-registration-heading" ref={heading} tabIndex={-1}>
        {text.registerHeading}
      </h2>
      <div role="status" class="registration-status">
        {status && (
          <p class={`notice notice-${status.kind}`} data-status={status.state}>
            {status.text}
          </p>
        )}
      </div>
      <NetworkNotice errors={mine.errors} />
      {own.length > 0 && (
        <>
          <h3>{text.ownRegistrations}</h3>
          <ul class="own-registrations">
            {own.map((r) => (
              <li key={r.id} data-status={r.status}>
                {r.participant} ({r.email}): {r.status === 'WAITING' ? text.waitingShort(number(r.waitingPosition ?? 0)) : text.registeredShort}{' '}
                <button type="button" class="link-button" onClick={() => cancel(r)} disabled={busy} aria-label={text.cancelFor(r.participant)}>
                  {text.cancelShort}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {closed ? (
        <p>{text.registrationClosed}</p>
      ) : (
        <form onSubmit={register} noValidate aria-labelledby="event-registration-heading">
          {errors.form && (
            <p class="notice notice-error" role="alert">
              {errors.form}
            </p>
          )}
          <div class="field-row">
            <Field
              id="participant-name"
              label={text.participantName}
              value={values.name}
              onInput={(name) => setValues({ ...values, name })}
              error={errors.name}
              required
              autocomplete="name"
              inputRef={(e) => {
                inputs.current.name = e;
              }}
            />
            <Field
              id="participant-email"
              label={text.participantEmail}
              type="email"
              value={values.email}
              onInput={(email) => setValues({ ...values, email })}
              error={errors.email}
              required
              autocomplete="email"
              inputRef={(e) => {
                inputs.current.email = e;
              }}
            />
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? text.registering : text.registerButton}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function SignInFirstInline() {
  const text = useCooperationText();
  return (
    <section class="event-registration" aria-labelledby="event-registration-heading">
      <h2 id="event-registration-heading">{text.registerHeading}</h2>
      <p>{text.registerSignIn}</p>
      <p>
        <a href={`${paths.signIn}?weiter=${encodeURIComponent(location.pathname)}`}>{text.signInLink}</a>
      </p>
    </section>
  );
}
