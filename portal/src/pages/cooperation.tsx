import type { ComponentChildren } from 'preact';
import type { GraphQLErrorLike } from '../graphql.ts';
import { paths, useRoute } from '../router.ts';
import type { Said } from '../said.tsx';
import type { Session } from '../session.ts';
import { BoothPage, TradeFairsPage } from './booth.tsx';
import { useCooperationText } from './cooperation-messages.ts';
import { EventPage, FeedPage } from './feed.tsx';
import { RelationshipsPage } from './relationships.tsx';
import { WorkingGroupPage, WorkingGroupsPage } from './working-group.tsx';
import './cooperation.css';

// The cooperation's pages, loaded only when one is opened (app.tsx): the feed (/neuigkeiten) and an item
// (/neuigkeiten/<id>), working groups (/arbeitskreise, /arbeitskreise/<id>), trade fairs with the joint booth
// (/messen, /messen/<id>), a member's relationships (/beziehungen) and the overview (/zusammenarbeit).
// Besides the pages: what they share (fields with the server's error, sign-in hint).

/** The page for a path of the cooperation. */
export function CooperationPages({ path, params }: { path: string; params: URLSearchParams }) {
  return (
    <div class="cooperation">
      <CooperationPage path={path} params={params} />
    </div>
  );
}

function CooperationPage({ path, params }: { path: string; params: URLSearchParams }) {
  const below = (root: string) => (path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined);
  if (path === paths.feed) return <FeedPage params={params} />;
  if (below(paths.feed)) return <EventPage id={below(paths.feed)!} />;
  if (path === paths.workingGroups) return <WorkingGroupsPage />;
  if (below(paths.workingGroups)) return <WorkingGroupPage id={below(paths.workingGroups)!} />;
  if (path === paths.tradeFairs) return <TradeFairsPage />;
  if (below(paths.tradeFairs)) return <BoothPage id={below(paths.tradeFairs)!} />;
  if (path === paths.relationships) return <RelationshipsPage />;
  return <CooperationOverview />;
}

function CooperationOverview() {
  const text = useCooperationText();
  return (
    <>
      <h1>{text.navCooperation}</h1>
      <ul class="cooperation-links">
        {(
          [
            [paths.feed, text.feedHeading, text.feedIntro],
            [paths.workingGroups, text.groupsHeading, text.groupsIntro],
            [paths.tradeFairs, text.fairsHeading, text.fairsIntro],
            [paths.relationships, text.relationshipsHeading, text.relationshipsIntro],
          ] as const
        ).map(([href, heading, intro]) => (
          <li key={href}>
            <a href={href}>{heading}</a>
            <p>{intro}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Members, offices and admin: who takes part in working groups, booths and registrations. */
export const inCooperation = (session: Session) => ['member', 'office', 'admin'].includes(session.role);

/** The form field an error is about: the server names it as the input's path (input.areaM2, participant.email, partnerId). */
export function errorField(error: GraphQLErrorLike | undefined): string | undefined {
  const field = error?.extensions?.field;
  return typeof field === 'string' ? field.replace(/^(input|participant)\./, '').replace(/\[\d+\]$/, '') : undefined;
}

/** A labelled input with the server's error for it, announced and linked (aria-describedby) when there is one. */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: Said;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'datetime-local';
  multiline?: boolean;
  required?: boolean;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel';
  inputRef?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
}) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    value: props.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described,
    'aria-required': props.required ? ('true' as const) : undefined,
    autocomplete: props.autocomplete,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.multiline ? (
        <textarea ref={props.inputRef} rows={3} {...common} />
      ) : (
        <input ref={props.inputRef} type={(props.type ?? 'text') as 'text'} inputMode={props.inputMode} {...common} />
      )}
      {props.hint && (
        <p class="muted field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** What a signed-out visitor sees on a page for the cooperation: the heading, why, and a sign-in that returns here. */
export function SignInFirst({ heading, children }: { heading: string; children: ComponentChildren }) {
  const text = useCooperationText();
  const route = useRoute();
  return (
    <>
      <h1>{heading}</h1>
      <p>{children}</p>
      <p>
        <a href={`${paths.signIn}?weiter=${encodeURIComponent(route.path)}`}>{text.signInLink}</a>
      </p>
    </>
  );
}

/** Cents as euros in the visitor's locale. */
export const euros = (currency: (value: number, code: string) => string, cents: number) => currency(cents / 100, 'EUR');
