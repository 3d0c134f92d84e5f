import { useEffect, useRef, useState } from 'preact/hooks';
import { regionDay } from '../../../shared/region-day.ts';
import { networkCodes, NetworkOptions } from '../components/network-options.tsx';
import { DataTable } from '../components/data-table.tsx';
import { otherErrors } from '../graphql.ts';
import { officeCapacityBalance, type CapacityBalanceRow, type CapacityKind, type NetworkCode } from '../operations.ts';
import { useRoute } from '../router.ts';
import { sayError, sayLoadFailure } from '../said.tsx';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';
import { BackToOverview, replaceParams } from './office.tsx';
import { officeText, useOfficeText } from './office-messages.ts';

// The CAD working group's view of the capacity exchange: per ISO week the hours offered, requested and booked and the
// balance (offered minus requested), for one kind and CAD system or process, per network or for the whole region,
// as an SVG bar chart and, holding the same numbers, a table. The URL holds the choice (von, bis, art, system,
// bereich), so a view can be bookmarked and shared.

const day = 86_400_000;
const defaultWeeks = 12;
const series = ['offeredHours', 'requestedHours', 'bookedHours', 'balanceHours'] as const;
type Series = (typeof series)[number];

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The ISO week (2027-W09) of a UTC midnight: the week belongs to the year of its Thursday. */
export function isoWeek(time: number): string {
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  const thursday = new Date(time + (3 - weekday) * day);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / day / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week from the week of `from` to the week of `to`, so weeks without any post show as 0 too. */
function weeksBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 366 * day) return [];
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * day;
  const weeks: string[] = [];
  for (let t = monday; t <= end; t += 7 * day) weeks.push(isoWeek(t));
  return weeks;
}

const systemKey = (row: { kind: string; system: string }) => `${row.kind}|${row.system}`;

export function CapacityPage() {
  const text = useOfficeText();
  const { t } = useLocale();
  const route = useRoute();
  // The region's today (Berlin), as the server counts the balance from: the browser's day was the day before in
  // New York all evening, and the day after in Tokyo all morning.
  const today = Date.parse(`${regionDay()}T00:00:00Z`);
  const from = route.params.get('von') ?? isoDay(today);
  const to = route.params.get('bis') ?? isoDay(today + (defaultWeeks * 7 - 1) * day);
  const kind = (route.params.get('art') as CapacityKind | null) ?? undefined;
  const [draft, setDraft] = useState<{ from: string; to: string; kind: string } | null>(null);
  const values = draft ?? { from, to, kind: kind ?? '' };
  const balance = useQuery(officeCapacityBalance, { from, to, ...(kind ? { kind } : {}) });
  const rows = balance.data?.capacityBalance ?? [];
  const fieldError = (field: 'from' | 'to') => {
    const error = balance.errors.find((e) => e.extensions?.field === field);
    return error && sayError(error, (locale) => ({ from: officeText(locale).fromLabel, to: officeText(locale).toLabel }));
  };
  const errors = { from: fieldError('from'), to: fieldError('to') };
  // A choice shown: the error its answer has at a date field takes the keyboard's focus there, as every form's does.
  // Until then the choice waits for it: an answer without one (the choice before's, cut off by this one) moves nothing.
  const awaitingAnswer = useRef(false);
  const focusError = () => {
    const at = (['from', 'to'] as const).find((name) => errors[name]);
    if (!at) return;
    awaitingAnswer.current = false;
    document.getElementById(`capacity-${at}`)?.focus();
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: an answer brings new errors; focusError reads them
  useEffect(() => {
    if (awaitingAnswer.current && !balance.loading) focusError();
  }, [balance.errors]);
  const otherProblems = otherErrors(balance.errors).filter((e) => !['from', 'to'].includes(String(e.extensions?.field)));

  const systems = [...new Map(rows.map((r) => [systemKey(r), r])).values()].sort((a, b) => systemKey(a).localeCompare(systemKey(b), 'en'));
  const asked = route.params.get('system');
  const system = systems.find((s) => systemKey(s) === asked) ?? systems[0];
  const scopeParam = route.params.get('bereich');
  const scope: NetworkCode | null = networkCodes.find((code) => code === scopeParam) ?? null;

  /** Puts a choice into the URL (replacing the entry: a choice is no page to go back to). */
  const update = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(route.params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    replaceParams(route.path, params);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setDraft(null);
    // The same choice again asks nothing anew: its errors are those shown.
    const same = values.from === from && values.to === to && values.kind === (kind ?? '');
    awaitingAnswer.current = !same;
    update({ von: values.from, bis: values.to, art: values.kind || undefined });
    if (same) focusError();
  };

  const field = (name: 'from' | 'to', label: string) => (
    <div class="field">
      <label for={`capacity-${name}`}>{label}</label>
      <input
        id={`capacity-${name}`}
        type="date"
        value={values[name]}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `capacity-${name}-error` : undefined}
        onInput={(e) => setDraft({ ...values, [name]: e.currentTarget.value })}
      />
      {errors[name] && (
        <p class="field-error" id={`capacity-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  const systemName = (s: { kind: string; system: string }) => `${s.system} (${s.kind === 'CAD' ? text.kindCAD : text.kindMACHINE_HOURS})`;
  const scopeName = scope ?? text.scopeRegion;
  const weeks = weeksBetween(from, to);
  const shown = new Map(rows.filter((r) => system && systemKey(r) === systemKey(system) && r.network === scope).map((r) => [r.week, r]));
  const data = weeks.map((week) => shown.get(week) ?? { week, offeredHours: 0, requestedHours: 0, bookedHours: 0, balanceHours: 0 });

  return (
    <>
      <BackToOverview />
      <h1>{text.capacityHeading}</h1>
      <p class="lead">{text.capacityIntro}</p>
      <form class="office-form capacity-form" onSubmit={submit} noValidate aria-label={text.capacityHeading}>
        <div class="field-row">
          {field('from', text.fromLabel)}
          {field('to', text.toLabel)}
          <div class="field">
            <label for="capacity-kind">{text.kindLabel}</label>
            <select id="capacity-kind" value={values.kind} onChange={(e) => setDraft({ ...values, kind: e.currentTarget.value })}>
              <option value="">{text.kindAll}</option>
              <option value="CAD">{text.kindCAD}</option>
              <option value="MACHINE_HOURS">{text.kindMACHINE_HOURS}</option>
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit">{text.showButton}</button>
        </div>
      </form>
      {otherProblems.length > 0 && (
        <p class="notice notice-error" role="alert">
          {sayLoadFailure(otherProblems)}
        </p>
      )}
      <section aria-labelledby="capacity-chart-heading" aria-busy={balance.loading ? 'true' : undefined}>
        <h2 id="capacity-chart-heading">{system ? systemName(system) : text.capacityHeading}</h2>
        {balance.loading && !balance.data ? (
          <p>{t.loading}</p>
        ) : !system ? (
          !errors.from && !errors.to && !otherProblems.length && <p>{text.noCapacity}</p>
        ) : (
          <>
            <div class="field-row">
              <div class="field">
                <label for="capacity-system">{text.systemLabel}</label>
                <select id="capacity-system" value={systemKey(system)} onChange={(e) => update({ system: e.currentTarget.value })}>
                  {systems.map((s) => (
                    <option key={systemKey(s)} value={systemKey(s)}>
                      {systemName(s)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="capacity-scope">{text.scopeLabel}</label>
                <select id="capacity-scope" value={scope ?? ''} onChange={(e) => update({ bereich: e.currentTarget.value || undefined })}>
                  <option value="">{text.scopeRegion}</option>
                  <NetworkOptions />
                </select>
              </div>
            </div>
            <Chart data={data} title={text.chartTitle(system.system, scopeName)} />
            <DataTable
              caption={text.tableCaption(system.system, scopeName)}
              columns={[text.columnWeek, text.seriesOffered, text.seriesRequested, text.seriesBooked, text.seriesBalance]}
              showCaption
              class="office-table capacity-table"
              scrollClass="office-scroll"
            >
              {data.map((row) => (
                <tr key={row.week} data-week={row.week}>
                  <th scope="row">{text.weekLabel(row.week)}</th>
                  {series.map((s) => (
                    <td key={s} class="number" data-series={s}>
                      <Hours value={row[s]} />
                    </td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>
    </>
  );
}

function Hours({ value }: { value: number }) {
  const { number } = useLocale();
  return <>{number(value, 2)}</>;
}

const seriesClass: Record<Series, string> = {
  offeredHours: 'bar-offered',
  requestedHours: 'bar-requested',
  bookedHours: 'bar-booked',
  balanceHours: 'bar-balance',
};

/** Rounds a scale's top up to 1, 2 or 5 times a power of ten, so its grid lines fall on round hours. */
function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

type ChartRow = Pick<CapacityBalanceRow, 'week' | Series>;

/**
 * Grouped bars per week, the balance below the zero line when negative. The SVG is one image with a title and a
 * summary; the table after it holds every value, for screen readers and for reading the numbers off.
 */
function Chart({ data, title }: { data: ChartRow[]; title: string }) {
  const text = useOfficeText();
  const { number } = useLocale();
  const values = data.flatMap((row) => series.map((s) => row[s]));
  const step = niceStep(Math.max(...values, 0) - Math.min(...values, 0) || 4);
  const top = Math.max(step, Math.ceil(Math.max(...values, 0) / step) * step);
  const bottom = Math.min(0, Math.floor(Math.min(...values, 0) / step) * step);
  const left = 56;
  const plotHeight = 240;
  const barWidth = 22;
  const group = barWidth * series.length + 24;
  const width = left + Math.max(1, data.length) * group + 12;
  const height = plotHeight + 50;
  const y = (value: number) => 10 + ((top - value) / (top - bottom)) * plotHeight;
  const ticks: number[] = [];
  for (let v = bottom; v <= top + step / 2; v += step) ticks.push(v);
  const balances = data.map((row) => row.balanceHours);
  const label = (s: Series) =>
    ({ offeredHours: text.seriesOffered, requestedHours: text.seriesRequested, bookedHours: text.seriesBooked, balanceHours: text.seriesBalance })[s];
  return (
    <figure class="capacity-chart">
      <svg
        role="img"
        aria-labelledby="capacity-chart-title capacity-chart-desc"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="capacity-chart-title">{title}</title>
        <desc id="capacity-chart-desc">{text.chartSummary(number(data.length), number(Math.min(...balances, 0), 2), number(Math.max(...balances, 0), 2))}</desc>
        <g class="chart-grid">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} class={tick === 0 ? 'chart-zero' : undefined} />
              <text x={left - 6} y={y(tick) + 4} text-anchor="end">
                {number(tick)}
              </text>
            </g>
          ))}
        </g>
        {data.map((row, index) => {
          const x0 = left + index * group + 12;
          return (
            <g key={row.week} class="chart-week" data-week={row.week}>
              {series.map((s, i) => {
                const value = row[s];
                return (
                  <rect
                    key={s}
                    class={`chart-bar ${seriesClass[s]}`}
                    data-series={s}
                    data-hours={String(value)}
                    x={x0 + i * barWidth}
                    y={Math.min(y(value), y(0))}
                    width={barWidth - 2}
                    height={Math.abs(y(value) - y(0))}
                  >
                    <title>{`${text.weekLabel(row.week)}, ${label(s)}: ${text.hours(number(value, 2))}`}</title>
                  </rect>
                );
              })}
              <text x={x0 + (barWidth * series.length) / 2} y={height - 22} text-anchor="middle" class="chart-week-label">
                {row.week.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {series.map((s) => (
            <li key={s}>
              <svg width="14" height="14" aria-hidden="true">
                <rect class={`chart-bar ${seriesClass[s]}`} width="14" height="14" />
              </svg>{' '}
              {label(s)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
