import type { VNode } from 'preact';
import { errorsText, errorText, fieldErrorText } from './field-errors.ts';
import type { GraphQLErrorLike } from './graphql.ts';
import type { Locale } from './i18n.ts';
import { useLocale } from './use-locale.ts';

// What a field error or a notice says, as a page keeps it until it shows it: not its words but how to word them,
// worded each time it renders. Words kept in state (the error's text when it came) stayed German after the visitor
// switched to English, until the next submit.

/** The words for something said, in a locale's language and notation. */
export type Wording = (locale: Locale) => string;

/** Something said, worded in the page's language when it renders: it goes into JSX as it is. */
export type Said = VNode<{ wording: Wording }>;

function Words({ wording }: { wording: Wording }) {
  return <>{wording(useLocale())}</>;
}

/** What `wording` says, kept to be shown: `say(({ t }) => t.required)`. */
export const say = (wording: Wording): Said => <Words wording={wording} />;

/** A server error in the page's language (errorText, field-errors.ts); `labels` names other fields as the form shows them. */
export const sayError = (error: GraphQLErrorLike, labels?: (locale: Locale) => Readonly<Record<string, string>>): Said =>
  say((locale) => errorText(error, locale, labels?.(locale)));

/**
 * "Bitte füllen Sie dieses Feld aus." at each of `fields` left blank, so that a form says every missing field at once,
 * in its order, before it sends anything: the server names only the first it checks (an empty new account said the
 * e-mail address, above which the member and the name were empty too; a capacity post only its hours).
 */
export function blankRequired<F extends string>(fields: readonly F[], value: (field: F) => string): Partial<Record<F, Said>> {
  const blank = fields.filter((field) => value(field).trim() === '');
  const required = say((locale) => fieldErrorText({ message: '', extensions: { code: 'BAD_USER_INPUT', reason: 'REQUIRED' } }, locale));
  return Object.fromEntries(blank.map((field) => [field, required])) as Partial<Record<F, Said>>;
}

/**
 * The notice for something sent that failed: "Das Senden ist fehlgeschlagen:" and what went wrong (errorsText,
 * field-errors.ts), never the server's English alone in a German page.
 */
export const sayFailure = (errors: readonly GraphQLErrorLike[]): Said => say((locale) => `${locale.t.failed} ${errorsText(errors, locale)}`);

/** The same for what a page loads to show itself: "Der Abruf ist fehlgeschlagen:" and what went wrong. */
export const sayLoadFailure = (errors: readonly GraphQLErrorLike[]): Said => say((locale) => `${locale.t.loadFailed} ${errorsText(errors, locale)}`);
