import { useRef, useState } from 'preact/hooks';
import { networkCodes } from '../components/network-options.tsx';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { request, type GraphQLErrorLike } from '../graphql.ts';
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
import { useLocale } from '../use-locale.ts';
import { useFailureText, useFieldErrorText } from '../use-field-error-text.ts';
import { errorField, Field } from './cooperation.tsx';
import { useCooperationText } from './cooperation-messages.ts';

// What the lead of a working group does on its page (viewerIsLead: the member that leads, its office, the leading
// office, admin), besides deciding open requests (working-group.tsx): invite a company of any network found by
// text, schedule a meeting (the graph's refusals at their field: a time not in the future, a video link that is no
// https URL, neither place nor link), hand the lead over to an active member or an office, and remove a member, each
// of the last two after a question.

export interface Notice {
  ok: boolean;
  message: string;
}

/** Hits per search: enough to find a named company, few enough to read through by keyboard. */
const candidatesPerSearch = 10;

export function LeadTools({
  group,
  onChanged,
  onHandedOver,
}: {
  group: WorkingGroupView;
  onChanged: () => void;
  /** After a hand-over the lead's tools go (unless the caller still leads): the page tells what happened. */
  onHandedOver: (notice: Notice) => void;
}) {
  const text = useCooperationText();
  return (
    <section aria-labelledby="group-lead-heading" class="lead-tools">
      <h2 id="group-lead-heading">{text.leadToolsHeading}</h2>
      <InviteMember group={group} onChanged={onChanged} />
      <ScheduleMeeting groupId={group.id} onScheduled={onChanged} />
      <HandOverLead group={group} onHandedOver={onHandedOver} />
    </section>
  );
}

function InviteMember({ group, onChanged }: { group: WorkingGroupView; onChanged: () => void }) {
  const text = useCooperationText();
  const failure = useFailureText();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberCandidate[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Notice | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    const words = query.trim();
    setBusy('search');
    // Whether a hit is in the group already comes from the page's group, read anew: a member may have left meanwhile.
    onChanged();
    const result = await request(memberCandidates, { filter: words ? { text: words } : {}, first: candidatesPerSearch });
    setBusy(null);
    setHits(result.data?.members?.edges.map((edge) => edge.node) ?? []);
    setStatus(result.errors.length ? { ok: false, message: failure(result.errors) } : null);
  };

  const invite = async (member: MemberCandidate) => {
    setBusy(member.id);
    const result = await request(inviteToWorkingGroup, { groupId: group.id, memberId: member.id });
    setBusy(null);
    setStatus(result.data ? { ok: true, message: text.invited(member.name) } : { ok: false, message: failure(result.errors) });
    // The hit's button goes with the invitation (it is pending now): the keyboard continues at what it came to.
    statusRef.current?.focus();
    if (result.data) onChanged();
  };

  const standing = (id: string) =>
    group.members.some((m) => m.memberRef.id === id) ? text.inGroupAlready : group.pending.some((m) => m.memberRef.id === id) ? text.pendingAlready : null;

  return (
    <div class="lead-invite">
      <h3>{text.inviteHeading}</h3>
      <form class="partner-search" onSubmit={search} role="search" aria-label={text.inviteSearchLabel}>
        <div class="field">
          <label for="group-invite-search">{text.inviteSearchLabel}</label>
          <input id="group-invite-search" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <button type="submit" disabled={busy === 'search'}>
          {text.search}
        </button>
      </form>
      <p role="status" class={status?.ok === false ? 'field-error invite-status' : 'invite-status'} ref={statusRef} tabIndex={-1}>
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
                  <button type="button" class="secondary" disabled={busy === member.id} onClick={() => invite(member)}>
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

function ScheduleMeeting({ groupId, onScheduled }: { groupId: string; onScheduled: () => void }) {
  const text = useCooperationText();
  const { t, dateTime } = useLocale();
  const failure = useFailureText();
  const errorText = useFieldErrorText();
  const [values, setValues] = useState(emptyMeeting);
  const [errors, setErrors] = useState<Partial<Record<MeetingField | 'form', string>>>({});
  const [scheduled, setScheduled] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<MeetingField, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const fail = (next: Partial<Record<MeetingField | 'form', string>>) => {
    setErrors(next);
    setScheduled(null);
    const first = meetingFields.find((f) => next[f]);
    if (first) inputs.current[first]?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!values.startsAt) return fail({ startsAt: text.startsAtMissing });
    const limit = values.participantLimit.trim();
    if (!/^\d+$/.test(limit) || Number(limit) < 1) return fail({ participantLimit: text.limitWhole });
    // The graph takes only an https URL for the call (meetings.ts); the phrase for any web address (URL) allows http:// too.
    if (values.videoLink.trim() && !/^https:\/\//i.test(values.videoLink.trim())) return fail({ videoLink: text.videoLinkHttps });
    const input: MeetingFields = {
      // datetime-local is the browser's local time; the graph takes an instant with its zone.
      startsAt: new Date(values.startsAt).toISOString(),
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
      setScheduled(text.scheduled(dateTime(meeting.startsAt)));
      return onScheduled();
    }
    const error: GraphQLErrorLike | undefined = result.errors[0];
    const field = meetingFields.find((f) => f === errorField(error));
    fail(field ? { [field]: errorText(error) } : { form: failure(result.errors) });
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
          {field('startsAt', text.startsAt, { type: 'datetime-local', required: true })}
          {field('participantLimit', text.participantLimit, { required: true, hint: text.participantLimitHint })}
        </div>
        <div class="field-row">
          {field('place', text.place, { hint: text.placeHint })}
          {field('videoLink', text.videoLink, { type: 'url' })}
        </div>
        {field('agenda', text.agenda, { multiline: true, required: true })}
        <div class="actions">
          <button type="submit" disabled={busy}>
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
  name: string;
  lead: { network?: NetworkCode; memberId?: string };
}

function HandOverLead({ group, onHandedOver }: { group: WorkingGroupView; onHandedOver: (notice: Notice) => void }) {
  const text = useCooperationText();
  const { memberName } = useLocale();
  const failure = useFailureText();
  const confirm = useConfirmDialog<LeadChoice>();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  const choices: LeadChoice[] = [
    ...group.members
      .filter((m) => m.memberRef.id !== group.leadMemberRef?.id)
      .map((m) => ({ value: `member:${m.memberRef.id}`, name: memberName(m.member, m.memberRef.id), lead: { memberId: m.memberRef.id } })),
    ...networkCodes
      .filter((code) => group.leadMemberRef || code !== group.leadNetwork.code)
      .map((code) => ({ value: `office:${code}`, name: text.ledByOffice(code), lead: { network: code } })),
  ];

  const ask = (event: Event) => {
    event.preventDefault();
    const choice = choices.find((c) => c.value === chosen);
    if (!choice) {
      setError(text.chooseLeadFirst);
      return select.current?.focus();
    }
    setError(null);
    confirm.ask(choice);
  };

  const handOver = async (choice: LeadChoice) => {
    setBusy(true);
    const result = await request(handOverWorkingGroupLead, { groupId: group.id, lead: choice.lead });
    setBusy(false);
    confirm.close();
    if (!result.data) {
      setError(failure(result.errors));
      return select.current?.focus();
    }
    setChosen('');
    onHandedOver({ ok: true, message: text.handedOver(choice.name) });
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
                {c.name}
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
      <dialog ref={confirm.dialog} class="confirm" aria-labelledby="hand-over-question" onClose={confirm.closed}>
        {confirm.subject && (
          <>
            <p id="hand-over-question">{text.handOverQuestion(group.topic, confirm.subject.name)}</p>
            <div class="actions">
              <button type="button" class="confirm-hand-over" disabled={busy} onClick={() => confirm.subject && handOver(confirm.subject)}>
                {text.handOverButton}
              </button>
              {/* The safe choice has the focus when the dialog opens: Enter alone hands nothing over. */}
              <button type="button" class="link-button" autofocus onClick={confirm.close}>
                {text.keepLead}
              </button>
            </div>
          </>
        )}
      </dialog>
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
  const failure = useFailureText();
  const [busy, setBusy] = useState(false);
  const membership = confirm.subject;
  const name = membership ? memberName(membership.member, membership.memberRef.id) : '';

  const remove = async (removed: MembershipView) => {
    setBusy(true);
    const result = await request(removeFromWorkingGroup, { membershipId: removed.id });
    setBusy(false);
    confirm.close();
    onDone(result.data ? { ok: true, message: text.removed(name) } : { ok: false, message: failure(result.errors) });
  };

  return (
    <dialog ref={confirm.dialog} class="confirm" aria-labelledby="remove-question" onClose={confirm.closed}>
      {membership && (
        <>
          <p id="remove-question">{text.removeQuestion(name, group.topic)}</p>
          <div class="actions">
            <button type="button" class="confirm-remove" disabled={busy} onClick={() => remove(membership)}>
              {text.removeMember(name)}
            </button>
            {/* The safe choice has the focus when the dialog opens: Enter alone removes nobody. */}
            <button type="button" class="link-button" autofocus onClick={confirm.close}>
              {text.keepLead}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
