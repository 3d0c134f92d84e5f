import { useRef, useState } from 'preact/hooks';
import { maxParticipantLimit } from '../../../shared/meetings.ts';
import { networkCodes } from '../components/network-options.tsx';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import { mayHaveBeenApplied } from '../retry-key.ts';
import {
  handOverWorkingGroupLead,
  inviteToWorkingGroup,
  memberCandidates,
  removeFromWorkingGroup,
  scheduleMeeting,
  type MemberCandidate,
  type MeetingFields,
  type MembershipView,
  type NetworkCode,
  type WorkingGroupView,
} from '../operations.ts';
import type { Locale } from '../i18n.ts';
import { type Said, say, sayError, sayFailure, sayLoadFailure, type Wording } from '../said.tsx';
import { useLocale } from '../use-locale.ts';
import { errorField, Field } from './cooperation.tsx';
import { cooperationText, useCooperationText } from './cooperation-messages.ts';
import { useFieldFocus } from '../use-field-focus.ts';
import { regionInstant } from '../region-clock.ts';

// What the lead of a working group does on its page (viewerIsLead: the member that leads, its office, the leading
// office, admin), besides deciding open requests (working-group.tsx): invite a company of any network found by
// text, schedule a meeting (the graph's refusals at their field: a time not in the future, a video link that is no
// https URL, neither place nor link), hand the lead over to an active member or an office, and remove a member, each
// of the last two after a question.

export interface Notice {
  ok: boolean;
  message: Said;
}

/** Hits per search: enough to find a named company, few enough to read through by keyboard. */
const candidatesPerSearch = 10;

/** The graph's rule for a meeting's video link (meetings.ts): an https URL with a host. */
function isHttpsUrl(text: string): boolean {
  // new URL rather than URL.canParse, which browsers before 2023 (Safari 16, Chrome 119) lack.
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

export function LeadTools({
  group,
  onChanged,
  onNotice,
}: {
  group: WorkingGroupView;
  onChanged: () => void;
  /**
   * What the page says (with the focus) and reads the group anew for: a hand-over done, or a step refused because the
   * caller leads no more (FORBIDDEN: another took the lead meanwhile). Either way these tools may go, and with them
   * anything said here.
   */
  onNotice: (notice: Notice) => void;
}) {
  const text = useCooperationText();
  return (
    <section aria-labelledby="group-lead-heading" class="lead-tools">
      <h2 id="group-lead-heading">{text.leadToolsHeading}</h2>
      <InviteMember group={group} onChanged={onChanged} onNotice={onNotice} />
      <ScheduleMeeting groupId={group.id} onScheduled={onChanged} onNotice={onNotice} />
      <HandOverLead group={group} onNotice={onNotice} onRefused={onChanged} />
    </section>
  );
}

/** A refusal because the caller no longer leads the group: the lead's tools go once the group is read anew. */
const leadsNoMore = (errors: readonly GraphQLErrorLike[]) => errors.some((e) => e.extensions?.code === 'FORBIDDEN');

function InviteMember({ group, onChanged, onNotice }: { group: WorkingGroupView; onChanged: () => void; onNotice: (notice: Notice) => void }) {
  const text = useCooperationText();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberCandidate[] | null>(null);
  // A search and an invitation under way are apart: a search must not free the button of an invitation still on its way.
  const [searching, setSearching] = useState(false);
  const [inviting, setInviting] = useState<string | null>(null);
  const [status, setStatus] = useState<Notice | null>(null);
  const [searchFailed, setSearchFailed] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    // Not `disabled` while it runs: a disabled button loses the keyboard's focus to the page.
    if (searching) return;
    const words = query.trim();
    setSearching(true);
    // Whether a hit is in the group already comes from the page's group, read anew: a member may have left meanwhile.
    onChanged();
    const result = await request(memberCandidates, { filter: words ? { text: words } : {}, first: candidatesPerSearch });
    setSearching(false);
    // A search that failed found nothing: it has no hits to show, not an empty list.
    setHits(result.data?.members ? result.data.members.edges.map((edge) => edge.node) : null);
    setSearchFailed(result.errors.length > 0);
    setStatus(result.errors.length ? { ok: false, message: sayLoadFailure(result.errors) } : null);
  };

  const invite = async (member: MemberCandidate) => {
    if (inviting) return;
    setInviting(member.id);
    const result = await request(inviteToWorkingGroup, { groupId: group.id, memberId: member.id });
    setInviting(null);
    setSearchFailed(false);
    if (leadsNoMore(result.errors)) return onNotice({ ok: false, message: sayFailure(result.errors) });
    setStatus(
      result.data ? { ok: true, message: say((locale) => cooperationText(locale).invited(member.name)) } : { ok: false, message: sayFailure(result.errors) },
    );
    // The hit's button goes with the invitation (it is pending now): the keyboard continues at what it came to.
    statusRef.current?.focus();
    // Refused too: the company was invited or joined meanwhile, which the group read anew shows beside the hit.
    onChanged();
  };

  const standing = (id: string) =>
    group.members.some((m) => m.memberRef.id === id) ? text.inGroupAlready : group.pending.some((m) => m.memberRef.id === id) ? text.pendingAlready : null;

  return (
    <div class="lead-invite">
      <h3>{text.inviteHeading}</h3>
      <form class="partner-search" onSubmit={search} role="search" aria-label={text.inviteSearchLabel}>
        <div class="field">
          <label for="group-invite-search">{text.inviteSearchLabel}</label>
          <input
            id="group-invite-search"
            type="search"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={searchFailed ? 'true' : undefined}
            aria-describedby={searchFailed ? 'group-invite-status' : undefined}
          />
        </div>
        <button type="submit" aria-disabled={searching ? 'true' : undefined}>
          {text.search}
        </button>
      </form>
      <p role="status" id="group-invite-status" class={status?.ok === false ? 'field-error invite-status' : 'invite-status'} ref={statusRef} tabIndex={-1}>
        {status?.message}
      </p>
      {hits?.length === 0 && <p>{text.noCandidates}</p>}
      {hits && hits.length > 0 && (
        <ul class="group-candidates">
          {hits.map((member) => {
            const already = standing(member.id);
            return (
              <li key={member.id}>
                {member.name}{' '}
                <span class="muted">
                  ({member.network.code}, {member.city})
                </span>{' '}
                {already ? (
                  <span class="muted">· {already}</span>
                ) : (
                  <button type="button" class="secondary" aria-disabled={inviting === member.id ? 'true' : undefined} onClick={() => invite(member)}>
                    {text.invite(member.name)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

const meetingFields = ['startsAt', 'place', 'videoLink', 'agenda', 'participantLimit'] as const;
type MeetingField = (typeof meetingFields)[number];
const emptyMeeting: Record<MeetingField, string> = { startsAt: '', place: '', videoLink: '', agenda: '', participantLimit: '' };

// The meeting form's own words for its rules, the portal's checks' and the graph's refusals' alike.
const startsAtMissing: Wording = (locale) => cooperationText(locale).startsAtMissing;
const limitWhole: Wording = (locale) => cooperationText(locale).limitWhole(locale.number(maxParticipantLimit));
const placeOrLink: Wording = (locale) => cooperationText(locale).placeOrLink;
const videoLinkHttps: Wording = (locale) => cooperationText(locale).videoLinkHttps;

function ScheduleMeeting({ groupId, onScheduled, onNotice }: { groupId: string; onScheduled: () => void; onNotice: (notice: Notice) => void }) {
  const text = useCooperationText();
  const { t, clockHint } = useLocale();
  const [values, setValues] = useState(emptyMeeting);
  const [errors, setErrors] = useState<Partial<Record<MeetingField | 'form', Said>>>({});
  const [scheduled, setScheduled] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const { inputs, focusFirst } = useFieldFocus(meetingFields);

  const fail = (next: Partial<Record<MeetingField | 'form', Said>>) => {
    setErrors(next);
    setScheduled(null);
    focusFirst(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    // Not `disabled` while it runs: a disabled button loses the keyboard's focus to the page.
    if (busy) return;
    if (!values.startsAt) return fail({ startsAt: say(startsAtMissing) });
    const limit = values.participantLimit.trim();
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > maxParticipantLimit) return fail({ participantLimit: say(limitWhole) });
    if (!values.place.trim() && !values.videoLink.trim()) return fail({ place: say(placeOrLink) });
    if (values.videoLink.trim() && !isHttpsUrl(values.videoLink.trim())) return fail({ videoLink: say(videoLinkHttps) });
    const input: MeetingFields = {
      // datetime-local holds the region's clock (region-clock.ts); the graph takes an instant with its zone.
      startsAt: regionInstant(values.startsAt)?.toISOString() ?? values.startsAt,
      place: values.place.trim() || null,
      videoLink: values.videoLink.trim() || null,
      agenda: values.agenda,
      participantLimit: Number(limit),
    };
    setBusy(true);
    const result = await request(scheduleMeeting, { groupId, input });
    setBusy(false);
    const meeting = result.data?.scheduleMeeting;
    if (meeting) {
      setErrors({});
      setValues(emptyMeeting);
      setScheduled(say((locale) => cooperationText(locale).scheduled(locale.dateTime(meeting.startsAt))));
      return onScheduled();
    }
    // The graph could not confirm it (region did not answer in time): the meeting may be there, and sending again
    // would schedule a second one and tell every member twice. The list is read anew to show it if it is.
    if (leadsNoMore(result.errors)) return onNotice({ ok: false, message: sayFailure(result.errors) });
    if (mayHaveBeenApplied(result.errors)) {
      onScheduled();
      return fail({ form: say((locale) => cooperationText(locale).scheduleUnknown) });
    }
    const error: GraphQLErrorLike | undefined = result.errors[0];
    const field = meetingFields.find((f) => f === errorField(error));
    // The graph's own words for these fields' refusals are the general ones (any web address, any required field).
    const reason = error?.extensions?.reason;
    const words =
      field === 'videoLink' && reason === 'URL'
        ? say(videoLinkHttps)
        : field === 'place' && reason === 'REQUIRED'
          ? say(placeOrLink)
          : field === 'participantLimit' && reason === 'OUT_OF_RANGE'
            ? say(limitWhole)
            : sayError(error);
    fail(field ? { [field]: words } : { form: sayFailure(result.errors) });
  };

  const field = (
    name: MeetingField,
    label: string,
    options: { hint?: string; multiline?: boolean; type?: 'url' | 'datetime-local'; required?: boolean } = {},
  ) => (
    <Field
      id={`meeting-${name}`}
      label={label}
      value={values[name]}
      onInput={(value) => setValues({ ...values, [name]: value })}
      error={errors[name]}
      inputRef={(e) => {
        inputs.current[name] = e;
      }}
      inputMode={name === 'participantLimit' ? 'numeric' : undefined}
      {...options}
    />
  );

  return (
    <div class="lead-schedule">
      <h3 id="group-schedule-heading">{text.scheduleHeading}</h3>
      <form class="meeting-form" onSubmit={submit} noValidate aria-labelledby="group-schedule-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        <div class="field-row">
          {field('startsAt', text.startsAt, { type: 'datetime-local', required: true, hint: clockHint })}
          {field('participantLimit', text.participantLimit, { required: true, hint: text.participantLimitHint })}
        </div>
        <div class="field-row">
          {field('place', text.place, { hint: text.placeHint })}
          {field('videoLink', text.videoLink, { type: 'url' })}
        </div>
        {field('agenda', text.agenda, { multiline: true, required: true })}
        <div class="actions">
          <button type="submit" aria-disabled={busy ? 'true' : undefined}>
            {busy ? t.loading : text.scheduleButton}
          </button>
        </div>
        <p role="status" class="meeting-scheduled">
          {scheduled}
        </p>
      </form>
    </div>
  );
}

/** Who may take the lead: the group's active members but the one leading, and the offices but the one leading. */
interface LeadChoice {
  value: string;
  /** As the list shows it. */
  name: Wording;
  /** As a sentence names it (an office with its article). */
  inSentence: Wording;
  lead: { network?: NetworkCode; memberId?: string };
}

function HandOverLead({
  group,
  onNotice,
  onRefused,
}: {
  group: WorkingGroupView;
  onNotice: (notice: Notice) => void;
  /** A refused hand-over (the chosen member left meanwhile) reads the group anew, so the list offers what is. */
  onRefused: () => void;
}) {
  const text = useCooperationText();
  const locale = useLocale();
  const confirm = useConfirmDialog<LeadChoice>();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  const choices: LeadChoice[] = [
    ...group.members
      .filter((m) => m.memberRef.id !== group.leadMemberRef?.id)
      .map((m) => {
        const name = (l: Locale) => l.memberName(m.member, m.memberRef.id);
        return { value: `member:${m.memberRef.id}`, name, inSentence: name, lead: { memberId: m.memberRef.id } };
      }),
    ...networkCodes
      .filter((code) => group.leadMemberRef || code !== group.leadNetwork.code)
      .map((code) => ({
        value: `office:${code}`,
        name: (l: Locale) => cooperationText(l).ledByOffice(code),
        inSentence: (l: Locale) => cooperationText(l).officeInSentence(code),
        lead: { network: code },
      })),
  ];

  const ask = (event: Event) => {
    event.preventDefault();
    const choice = choices.find((c) => c.value === chosen);
    if (!choice) {
      setError(say((l) => cooperationText(l).chooseLeadFirst));
      return select.current?.focus();
    }
    setError(null);
    confirm.ask(choice);
  };

  const handOver = async (choice: LeadChoice) => {
    if (busy) return;
    setBusy(true);
    const result = await request(handOverWorkingGroupLead, { groupId: group.id, lead: choice.lead });
    setBusy(false);
    confirm.close();
    if (!result.data) {
      // A member that left meanwhile is no longer in the list read anew; anything else in the graph's words.
      if (leadsNoMore(result.errors)) return onNotice({ ok: false, message: sayFailure(result.errors) });
      // Refused for the member's own status (it left, was removed, or never joined): gone from the list read anew.
      const left = choice.lead.memberId && result.errors[0]?.extensions?.reason === 'STATUS' && result.errors[0]?.extensions?.status !== undefined;
      setError(left ? say((l) => cooperationText(l).notMemberAnyMore(choice.name(l))) : sayFailure(result.errors));
      onRefused();
      return select.current?.focus();
    }
    setChosen('');
    onNotice({ ok: true, message: say((l) => cooperationText(l).handedOver(choice.inSentence(l))) });
  };

  return (
    <div class="lead-hand-over">
      <h3 id="group-hand-over-heading">{text.handOverHeading}</h3>
      <form onSubmit={ask} noValidate aria-labelledby="group-hand-over-heading">
        <div class="field">
          <label for="group-new-lead">{text.newLead}</label>
          <select
            id="group-new-lead"
            ref={select}
            value={chosen}
            onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'group-new-lead-error' : undefined}
          >
            <option value="">{text.chooseLead}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.name(locale)}
              </option>
            ))}
          </select>
          {error && (
            <p class="field-error" id="group-new-lead-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            {text.handOverButton}
          </button>
        </div>
      </form>
      <Question
        confirm={confirm}
        id="hand-over-question"
        question={(choice) => text.handOverQuestion(group.topic, choice.inSentence(locale))}
        action={() => text.handOverButton}
        busy={busy}
        onConfirm={handOver}
      />
    </div>
  );
}

/** The lead's question before a member is removed (the button is on the member's row of the page's list). */
export function RemoveMemberDialog({
  group,
  confirm,
  onDone,
}: {
  group: WorkingGroupView;
  confirm: ReturnType<typeof useConfirmDialog<MembershipView>>;
  onDone: (notice: Notice) => void;
}) {
  const text = useCooperationText();
  const { memberName } = useLocale();
  const [busy, setBusy] = useState(false);
  const membership = confirm.subject;
  const name = membership ? memberName(membership.member, membership.memberRef.id) : '';

  const remove = async (removed: MembershipView) => {
    if (busy) return;
    setBusy(true);
    const result = await request(removeFromWorkingGroup, { membershipId: removed.id });
    setBusy(false);
    confirm.close();
    onDone(
      result.data
        ? { ok: true, message: say((locale) => cooperationText(locale).removed(locale.memberName(removed.member, removed.memberRef.id))) }
        : { ok: false, message: sayFailure(result.errors) },
    );
  };

  return (
    <Question
      confirm={confirm}
      id="remove-question"
      question={() => text.removeQuestion(name, group.topic)}
      action={() => text.removeMember(name)}
      busy={busy}
      onConfirm={remove}
    />
  );
}

/**
 * A question before a step of the lead's that is not taken back by a click: the focus starts on "Abbrechen", so
 * Enter alone changes nothing; once sent, the step is on its way, and neither Escape nor "Abbrechen" may seem to
 * take it back.
 */
function Question<T>({
  confirm,
  id,
  question,
  action,
  busy,
  onConfirm,
}: {
  confirm: ReturnType<typeof useConfirmDialog<T>>;
  id: string;
  question: (subject: T) => string;
  action: (subject: T) => string;
  busy: boolean;
  onConfirm: (subject: T) => void;
}) {
  const text = useCooperationText();
  const subject = confirm.subject;
  return (
    <dialog
      ref={confirm.dialog}
      class="confirm"
      aria-labelledby={id}
      onClose={confirm.closed}
      onCancel={(e) => busy && e.preventDefault()}
      aria-busy={busy ? 'true' : undefined}
    >
      {subject !== null && (
        <>
          <p id={id}>{question(subject)}</p>
          <div class="actions">
            <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => onConfirm(subject)}>
              {action(subject)}
            </button>
            <button type="button" class="link-button" autofocus disabled={busy} onClick={confirm.close}>
              {text.cancelQuestion}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
