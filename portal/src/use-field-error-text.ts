import { errorsText, errorText } from './field-errors.ts';
import type { GraphQLErrorLike } from './graphql.ts';
import { useLocale } from './use-locale.ts';

/** fieldErrorText (field-errors.ts) in the visitor's language, for a component. */
export function useFieldErrorText(): (error: GraphQLErrorLike, labels?: Readonly<Record<string, string>>) => string {
  const locale = useLocale();
  return (error, labels) => errorText(error, locale, labels);
}

/**
 * The text of a notice for a request that failed, in the visitor's language: "The request failed:" and what
 * went wrong (errorsText, field-errors.ts), never the server's English alone in a German page.
 */
export function useFailureText(): (errors: readonly GraphQLErrorLike[]) => string {
  const locale = useLocale();
  return (errors) => `${locale.t.failed} ${errorsText(errors, locale)}`;
}
