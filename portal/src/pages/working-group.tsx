import { ListState } from '../components/data-table.tsx';
import { useRef, useState } from 'preact/hooks';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import {
  acceptWorkingGroupInvitation,
  confirmWorkingGroupMembership,
  leaveWorkingGroup,
  removeFromWorkingGroup,
  requestToJoinWorkingGroup,
  rsvpMeeting,
  workingGroupList,
  workingGroupPage,
  type MeetingView,
  type MembershipView,
  type RsvpAnswer,
  type WorkingGroupView,
} from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import { useSession, type Session } from '../session.ts';
import { useUploadForm } from '../uploads.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { inCooperation, SignInFirst } from './cooperation.tsx';
import { cooperationText, useCooperationText } from './cooperation-messages.ts';
import { LeadTools, type Notice, RemoveMemberDialog } from './working-group-lead.tsx';
import { ConfirmQuestion } from '../components/confirm-question.tsx';

// Working groups: the list (/arbeitskreise) and one group (/arbeitskreise/<id>) with its topic, lead, members and
// meetings. A member of the group answers each meeting yes, no or maybe; past the participant limit the graph
// refuses a yes (CONFLICT with extensions.participantLimit) and the refusal stands at the answer's control.
// Agenda, video link, answers and minutes are the group's own (README "Working groups"): for anyone else the graph
// answers them FORBIDDEN at their path, which this page shows as a sentence, not as an error. The CAD working
// group's page links to its capacity balance. Joining runs through the page too: a member asks and sees its request
// wait, or accepts or declines an invitation, and leaves again; the lead (viewerIsLead) admits or declines requests,
// withdraws invitations and uploads each meeting's minutes (PDF, POST /attachments?meetingId=), and invites, schedules
// meetings and hands the lead over (working-group-lead.tsx).

/** The office's capacity chart (pages/office-capacity.tsx), the working group's view for offices. */
const officeCapacityPath = '/geschaeftsstelle/kapazitaet';
const answers: RsvpAnswer[] = ['YES', 'MAYBE', 'NO'];

export function WorkingGroupsPage() {
  const text = useCooperationText();
  const { number, memberName } = useLocale();
  const { session } = useSession();
  const list = useReloadable(workingGroupList, session?.signedIn ? { first: 100 } : undefined);
  if (session && (!session.signedIn || !inCooperation(session))) return <SignInFirst heading={text.groupsHeading}>{text.groupsSignIn}</SignInFirst>;
  return (
    <>
      <h1>{text.groupsHeading}</h1>
      <p class="lead">{text.groupsIntro}</p>
      <NetworkNotice errors={list.errors} />
      <ErrorNotice errors={list.errors} />
      <ListState loading={!session || list.loading} list={list.data?.workingGroups?.nodes} empty={text.groupsEmpty}>
        {(groups) => (
          <ul class="group-list">
            {groups.map((group) => (
              <li key={group.id} class="group-card">
                <h2>
                  <a href={paths.workingGroup(group.id)}>{group.topic}</a>
                </h2>
                <p>{group.description}</p>
                <p class="muted">
                  {text.lead}: {group.leadMemberRef ? memberName(group.leadMember, group.leadMemberRef.id) : text.ledByOffice(group.leadNetwork.code)} ·{' '}
                  {text.memberCount(number(group.members.length))}
                  {group.viewerIsMember && <> · {text.youAreMember}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </>
  );
}

/** The graph's refusals of the group's own fields to someone outside it: expected, shown as a sentence. */
const isGroupOnly = (error: GraphQLErrorLike) => error.extensions?.code === 'FORBIDDEN' && (error.path ?? []).includes('meetings');

export function WorkingGroupPage({ id }: { id: string }) {
  const text = useCooperationText();
  const { t, day, memberName } = useLocale();
  const { session } = useSession();
  const loaded = useReloadable(workingGroupPage, session?.signedIn ? { id } : undefined);
  // What the member's last step in the group came to: kept here, since the controls that took it go with it.
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The button pressed goes with the step it took (join, withdraw, accept, leave): the keyboard continues at what it came to.
  const told = (done: Notice) => {
    setNotice(done);
    noticeRef.current?.focus();
  };
  // The lead's question before removing a member; the member's row (and its button) goes with the removal.
  const removal = useConfirmDialog<MembershipView>();
  if (session && (!session.signedIn || !inCooperation(session))) return <SignInFirst heading={text.groupsHeading}>{text.groupsSignIn}</SignInFirst>;
  const group = loaded.data?.workingGroup;
  const back = (
    <p>
      <a href={paths.workingGroups}>{text.backToGroups}</a>
    </p>
  );
  if (!group) {
    return (
      <>
        {back}
        {!session || loaded.loading ? (
          <p aria-busy="true">{t.loading}</p>
        ) : (
          <>
            <h1>{text.groupsHeading}</h1>
            <ErrorNotice errors={loaded.errors} />
            {loaded.errors.length === 0 && <p>{text.groupNotFound}</p>}
          </>
        )}
      </>
    );
  }
  const errors = loaded.errors.filter((e) => !isGroupOnly(e));
  const isMember = session?.role === 'member' && group.members.some((m) => m.memberRef.id === session.memberId);
  const join = async () => {
    const result = await request(requestToJoinWorkingGroup, { groupId: group.id });
    told(result.data ? { ok: true, message: say((locale) => cooperationText(locale).joinRequested) } : { ok: false, message: sayFailure(result.errors) });
    // The page shows the request waiting (pending), with the button to withdraw it.
    if (result.data) loaded.reload();
  };
  const ownPending = session?.role === 'member' ? group.pending.find((m) => m.memberRef.id === session.memberId) : undefined;
  return (
    <>
      {back}
      <h1>{group.topic}</h1>
      <p class="lead">{group.description}</p>
      <dl class="facts">
        <dt>{text.lead}</dt>
        <dd>
          {group.leadMemberRef ? (
            <>
              <a href={paths.member(group.leadMemberRef.id)}>{memberName(group.leadMember, group.leadMemberRef.id)}</a>
              {group.leadMember && ` (${group.leadMember.network.code})`}
            </>
          ) : (
            text.ledByOffice(group.leadNetwork.code)
          )}
        </dd>
      </dl>
      <NetworkNotice errors={errors} />
      <ErrorNotice errors={errors} />
      {session?.role === 'member' && !group.viewerIsMember && !ownPending && (
        <div class="actions">
          <button type="button" onClick={join}>
            {text.joinButton}
          </button>
        </div>
      )}
      {session?.role === 'member' && (ownPending || (isMember && group.leadMemberRef?.id !== session.memberId)) && (
        <OwnMembership
          group={group}
          pending={ownPending}
          onDone={(done) => {
            told(done);
            if (done.ok) loaded.reload();
          }}
        />
      )}
      {session?.signedIn && (
        <p role="status" class={notice?.ok === false ? 'field-error membership-notice' : 'membership-notice'} ref={noticeRef} tabIndex={-1}>
          {notice?.message}
        </p>
      )}
      {group.viewerIsLead && <PendingMemberships group={group} onChanged={loaded.reload} />}
      {group.viewerIsLead && (
        <LeadTools
          group={group}
          onChanged={loaded.reload}
          onNotice={(done) => {
            told(done);
            loaded.reload();
          }}
        />
      )}
      {group.capacityBalance && <CapacityBalanceLink balance={group.capacityBalance} session={session} />}
      <section aria-labelledby="group-members-heading">
        <h2 id="group-members-heading">{text.membersHeading}</h2>
        {group.members.length === 0 ? (
          <p>{text.noMembers}</p>
        ) : (
          <ul class="group-members">
            {group.members.map((m) => (
              <li key={m.id}>
                <a href={paths.member(m.memberRef.id)}>{memberName(m.member, m.memberRef.id)}</a>
                {m.member && <span class="muted"> ({m.member.network.code})</span>}
                {m.joinedAt && <span class="muted"> · {text.since(day(m.joinedAt))}</span>}
                {/* The leading member stays while it leads: it hands the lead over first. */}
                {group.viewerIsLead && m.memberRef.id !== group.leadMemberRef?.id && (
                  <span class="row-actions">
                    <button type="button" class="secondary" onClick={() => removal.ask(m)}>
                      {text.removeMember(memberName(m.member, m.memberRef.id))}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {group.viewerIsLead && (
          <RemoveMemberDialog
            group={group}
            confirm={removal}
            onDone={(done) => {
              told(done);
              if (done.ok) loaded.reload();
            }}
          />
        )}
      </section>
      <section aria-labelledby="group-meetings-heading">
        <h2 id="group-meetings-heading">{text.meetingsHeading}</h2>
        {!group.viewerIsMember && <p class="muted">{text.membersSee}</p>}
        {group.meetings.length === 0 ? (
          <p>{text.noMeetings}</p>
        ) : (
          <ol class="meetings">
            {group.meetings.map((meeting) => (
              <Meeting key={meeting.id} meeting={meeting} canAnswer={isMember} memberId={session?.memberId} onChanged={loaded.reload} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function CapacityBalanceLink({ balance, session }: { balance: { csvPath: string; from: string; to: string }; session: Session | undefined }) {
  const text = useCooperationText();
  const { date } = useLocale();
  return (
    <section aria-labelledby="group-capacity-heading" class="capacity-link">
      <h2 id="group-capacity-heading">{text.capacityHeading}</h2>
      <p>{text.capacityText(date(balance.from), date(balance.to))}</p>
      <ul>
        <li>
          <a href={balance.csvPath} download>
            {text.capacityCsv}
          </a>
        </li>
        {(session?.role === 'office' || session?.role === 'admin') && (
          <li>
            <a href={officeCapacityPath}>{text.capacityChart}</a>
          </li>
        )}
      </ul>
    </section>
  );
}

/**
 * The signed-in member's own place in the group: its request waiting (withdraw), its invitation (accept or decline),
 * or its membership (leave, after a question in a dialog whose focus starts on "Abbrechen").
 */
function OwnMembership({ group, pending, onDone }: { group: WorkingGroupView; pending: MembershipView | undefined; onDone: (notice: Notice) => void }) {
  const text = useCooperationText();
  const confirm = useConfirmDialog<true>();
  const [busy, setBusy] = useState(false);

  const act = async (action: 'accept' | 'leave') => {
    setBusy(true);
    const result =
      action === 'accept' && pending
        ? await request(acceptWorkingGroupInvitation, { membershipId: pending.id })
        : await request(leaveWorkingGroup, { groupId: group.id });
    setBusy(false);
    confirm.close();
    if (!result.data) return onDone({ ok: false, message: sayFailure(result.errors) });
    const done = action === 'accept' ? 'invitationAccepted' : pending?.status === 'INVITED' ? 'invitationDeclined' : pending ? 'requestWithdrawn' : 'youLeft';
    onDone({ ok: true, message: say((locale) => cooperationText(locale)[done]) });
  };

  return (
    <div class="own-membership">
      {pending?.status === 'REQUESTED' && (
        <>
          <p>{text.ownRequested}</p>
          <button type="button" class="secondary" disabled={busy} onClick={() => act('leave')}>
            {text.withdrawRequest}
          </button>
        </>
      )}
      {pending?.status === 'INVITED' && (
        <>
          <p>{text.ownInvited}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => act('accept')}>
              {text.acceptInvitation}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => act('leave')}>
              {text.declineInvitation}
            </button>
          </div>
        </>
      )}
      {!pending && (
        <button type="button" class="secondary" disabled={busy} onClick={() => confirm.ask(true)}>
          {text.leaveGroup}
        </button>
      )}
      <ConfirmQuestion
        confirm={confirm}
        id="leave-question"
        question={() => text.leaveQuestion(group.topic)}
        action={text.leaveGroup}
        actionClass="confirm-leave"
        cancel={text.keepMembership}
        busy={busy}
        onConfirm={() => act('leave')}
      />
    </div>
  );
}

/** The lead's open requests (admit or decline) and invitations (withdraw); the row goes with its decision, the heading and status stay. */
function PendingMemberships({ group, onChanged }: { group: WorkingGroupView; onChanged: () => void }) {
  const text = useCooperationText();
  const { memberName } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const decide = async (membership: MembershipView, admit: boolean) => {
    setBusy(membership.id);
    const result = admit
      ? await request(confirmWorkingGroupMembership, { membershipId: membership.id })
      : await request(removeFromWorkingGroup, { membershipId: membership.id });
    setBusy(null);
    if (!result.data) return setStatus({ ok: false, message: sayFailure(result.errors) });
    setStatus({
      ok: true,
      message: say((locale) => {
        const text = cooperationText(locale);
        const name = locale.memberName(membership.member, membership.memberRef.id);
        return admit ? text.admitted(name) : membership.status === 'REQUESTED' ? text.requestDeclined(name) : text.invitationWithdrawn(name);
      }),
    });
    // The row and its buttons go: the keyboard continues at the list's heading.
    heading.current?.focus();
    onChanged();
  };

  return (
    <section aria-labelledby="group-pending-heading">
      <h2 id="group-pending-heading" ref={heading} tabIndex={-1}>
        {text.pendingHeading}
      </h2>
      <p role="status" class={status?.ok === false ? 'field-error' : 'membership-status'}>
        {status?.message}
      </p>
      {group.pending.length === 0 && <p>{text.noPending}</p>}
      <ul class="group-pending">
        {group.pending.map((m) => {
          const name = memberName(m.member, m.memberRef.id);
          return (
            <li key={m.id} data-id={m.id} data-status={m.status}>
              <a href={paths.member(m.memberRef.id)}>{name}</a>
              {m.member && <span class="muted"> ({m.member.network.code})</span>} {m.status === 'REQUESTED' ? text.pendingRequested : text.pendingInvited}
              <span class="row-actions">
                {m.status === 'REQUESTED' && (
                  <button type="button" disabled={busy === m.id} onClick={() => decide(m, true)}>
                    {text.admit(name)}
                  </button>
                )}
                <button type="button" class="secondary" disabled={busy === m.id} onClick={() => decide(m, false)}>
                  {m.status === 'REQUESTED' ? text.declineRequest(name) : text.withdrawInvitation(name)}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The lead's upload of a meeting's minutes as a PDF; a new upload is the newest minutes. */
function MinutesUpload({ meeting, onUploaded }: { meeting: MeetingView; onUploaded: () => void }) {
  const text = useCooperationText();
  const { input, error, uploaded, busy, send } = useUploadForm(
    { meetingId: meeting.id },
    say((locale) => cooperationText(locale).chooseMinutes),
    onUploaded,
  );
  const inputId = `minutes-${meeting.id}`;
  const errorId = `${inputId}-error`;

  return (
    <form class="upload minutes-upload" onSubmit={send} noValidate>
      <div class="field">
        <label for={inputId}>{text.uploadMinutes}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept="application/pdf,.pdf"
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? 'true' : undefined}
        />
        {error && (
          <p class="field-error" id={errorId} role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? text.uploading : text.uploadMinutesButton}
      </button>
      <p role="status" class="minutes-uploaded">
        {uploaded && text.minutesUploaded(uploaded[0])}
      </p>
    </form>
  );
}

function Meeting({
  meeting,
  canAnswer,
  memberId,
  onChanged,
}: {
  meeting: MeetingView;
  canAnswer: boolean;
  memberId: string | undefined;
  onChanged: () => void;
}) {
  const text = useCooperationText();
  const { t, dateTime, number, memberName } = useLocale();
  const own = meeting.rsvps?.find((r) => r.memberRef.id === memberId)?.answer;
  const [choice, setChoice] = useState<RsvpAnswer | undefined>(own);
  const [error, setError] = useState<Said | null>(null);
  const [saved, setSaved] = useState<RsvpAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);
  const past = Date.parse(meeting.startsAt) <= Date.now();
  const heading = `meeting-${meeting.id}-heading`;
  const errorId = `meeting-${meeting.id}-error`;

  const answer = async (event: Event) => {
    event.preventDefault();
    if (!choice) return;
    setBusy(true);
    const result = await request(rsvpMeeting, { meetingId: meeting.id, answer: choice });
    setBusy(false);
    if (!result.data) {
      setSaved(null);
      setError(sayFailure(result.errors));
      // The refused answer is not held: the control shows what the graph holds, and keeps the focus.
      setChoice(own);
      firstRadio.current?.focus();
      return;
    }
    setError(null);
    setSaved(result.data.rsvpMeeting.answer);
    onChanged();
  };

  return (
    <li class="meeting" data-id={meeting.id}>
      <h3 id={heading}>
        {text.meetingAt(dateTime(meeting.startsAt))}
        {past && <span class="muted"> ({text.past})</span>}
      </h3>
      <dl class="facts">
        {meeting.place && (
          <>
            <dt>{text.where}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        {meeting.videoLink && (
          <>
            <dt>{text.video}</dt>
            <dd>
              <a href={meeting.videoLink} data-external rel="noopener">
                {meeting.videoLink}
              </a>
            </dd>
          </>
        )}
        <dt>{text.places}</dt>
        <dd class="meeting-limit">{text.limit(number(meeting.yesCount), number(meeting.participantLimit), number(meeting.placesLeft))}</dd>
        {meeting.agenda && (
          <>
            <dt>{text.agenda}</dt>
            <dd class="agenda">{meeting.agenda}</dd>
          </>
        )}
        {meeting.rsvps && (
          <>
            <dt>{text.minutes}</dt>
            <dd>
              {meeting.minutes ? (
                <a href={meeting.minutes.downloadPath} download={meeting.minutes.fileName} class="minutes-link">
                  {text.minutesDownload(meeting.minutes.fileName, number(meeting.minutes.size / 1024, 1))}
                </a>
              ) : (
                text.noMinutes
              )}
            </dd>
          </>
        )}
      </dl>
      {canAnswer && !past && (
        <form class="rsvp" onSubmit={answer} noValidate>
          <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? 'true' : undefined}>
            <legend>{text.yourAnswer}</legend>
            {answers.map((value, i) => (
              <label key={value} class="check">
                <input
                  ref={i === 0 ? firstRadio : undefined}
                  type="radio"
                  name={`rsvp-${meeting.id}`}
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />{' '}
                {text.answer[value]}
              </label>
            ))}
            <button type="submit" disabled={busy || !choice}>
              {busy ? t.loading : text.saveAnswer}
            </button>
          </fieldset>
          {error && (
            <p class="field-error" id={errorId} role="alert">
              {error}
            </p>
          )}
          <p role="status" class="rsvp-saved">
            {saved && text.answerSaved(text.answer[saved])}
          </p>
        </form>
      )}
      {meeting.viewerCanUploadMinutes && <MinutesUpload meeting={meeting} onUploaded={onChanged} />}
      {meeting.rsvps && (
        <details class="rsvps">
          <summary>
            {text.answersHeading} ({number(meeting.rsvps.length)})
          </summary>
          {meeting.rsvps.length === 0 ? (
            <p>{text.noAnswers}</p>
          ) : (
            <ul>
              {meeting.rsvps.map((r) => (
                <li key={r.memberRef.id}>
                  {memberName(r.member, r.memberRef.id)}: {text.answer[r.answer]}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </li>
  );
}
