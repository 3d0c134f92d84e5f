import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocale } from '../use-locale.ts';

// Pages whose code is fetched when one is first shown (a separate chunk of the build), so pages only
// signed-in people use do not count against the public pages' JavaScript budget.

// biome-ignore lint/suspicious/noExplicitAny: components of any props, each loaded once
const loaded = new Map<() => Promise<ComponentType<any>>, ComponentType<any>>();

/** Shows the component `load` resolves to with `props`, and "loading" until its chunk has arrived. */
export function LazyPage<Props extends object>({ load, props }: { load: () => Promise<ComponentType<Props>>; props: Props }) {
  const { t } = useLocale();
  const [, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.has(load)) return;
    load().then(
      (component) => {
        loaded.set(load, component);
        setReady(true);
      },
      (error: Error) => setFailed(error.message),
    );
  }, [load]);
  const Page = loaded.get(load) as ComponentType<Props> | undefined;
  if (Page) return <Page {...props} />;
  if (failed)
    return (
      <p class="notice notice-error" role="alert">
        {t.failed} {failed}
      </p>
    );
  return <p aria-busy="true">{t.loading}</p>;
}
