import { otherErrors, unavailableNetworks, type GraphQLErrorLike } from '../graphql.ts';
import { sayLoadFailure } from '../said.tsx';
import { useLocale } from '../use-locale.ts';

/** Names the networks missing from an answer; the page shows the rest of it. */
export function NetworkNotice({ errors }: { errors: GraphQLErrorLike[] }) {
  const { t } = useLocale();
  const down = unavailableNetworks(errors);
  if (!down.length) return null;
  const names = down.join(', ');
  return (
    <p class="notice notice-warning" role="status">
      {down.length === 1 ? t.networkDown(names) : t.networksDown(names)}
    </p>
  );
}

/** Any other error, with the server's message. */
export function ErrorNotice({ errors }: { errors: GraphQLErrorLike[] }) {
  const other = otherErrors(errors);
  if (!other.length) return null;
  return (
    <div class="notice notice-error" role="alert">
      {sayLoadFailure(other)}
    </div>
  );
}
