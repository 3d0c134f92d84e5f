import { fieldErrorText } from './field-errors.ts';
import type { GraphQLErrorLike } from './graphql.ts';
import { useLocale } from './use-locale.ts';

/** fieldErrorText (field-errors.ts) in the visitor's language, for a component. */
export function useFieldErrorText(): (error: GraphQLErrorLike, labels?: Readonly<Record<string, string>>) => string {
  const locale = useLocale();
  return (error, labels) => fieldErrorText(error, locale, labels);
}
