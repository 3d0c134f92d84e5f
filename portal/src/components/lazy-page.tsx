import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sayLoadFailure } from '../said.tsx';
import { useLocale } from '../use-locale.ts';

// Pages whose code is fetched when one is first shown (a separate chunk of the build), so pages only
// signed-in people use do not count against the public pages' JavaScript budget.

// biome-ignore lint/suspicious/noExplicitAny: components of any props, each loaded once
const loaded = new Map<() => Promise<ComponentType<any>>, ComponentType<any>>();

/** Shows the component `load` resolves to with `props`, and "loading" until its chunk has arrived. */
export function LazyPage<Props extends object>({ load, props }: { load: () => Promise<ComponentType<Props>>; props: Props }) {
  const { t } = useLocale();
  // A count, not a flag: Preact keeps this component when the route moves from one lazy area to another, and a
  // flag already true from the first area's chunk did not render again when the second one's came ("Lädt …" for good).
  const [, arrived] = useState(0);
  const [failed, setFailed] = useState<(() => unknown) | null>(null);
  useEffect(() => {
    if (loaded.has(load)) return;
    load().then(
      (component) => {
        loaded.set(load, component);
        arrived((n) => n + 1);
      },
      () => setFailed(() => load),
    );
  }, [load]);
  const Page = loaded.get(load) as ComponentType<Props> | undefined;
  if (Page) return <Page {...props} />;
  // The chunk did not come: the connection, or a portal updated meanwhile whose old chunks are gone.
  if (failed === load)
    return (
      <p class="notice notice-error" role="alert">
        {sayLoadFailure([{ message: '', extensions: { code: 'UNREACHABLE' } }])}
      </p>
    );
  return <p aria-busy="true">{t.loading}</p>;
}
