import { DataTable } from '../components/data-table.tsx';
import { useState } from 'preact/hooks';
import { certificates } from '../catalog.ts';
import { HitMap } from '../components/map.tsx';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { CheckboxGroup, MaterialSelect, ProcessPicker } from '../components/pickers.tsx';
import { findSuppliers, type Quantity, type SupplierMatch, type Tolerance } from '../operations.ts';
import { navigate, paths } from '../router.ts';
import { quantities, readSuppliers, supplierRequirements, tolerances, writeSuppliers, type SupplierState } from '../search-state.ts';
import { reasonText } from '../reasons.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';

// The supplier finder: a concrete part request (findSuppliers' requirements) and the region's best
// suppliers for it, each with how it meets every requirement. The URL holds the request.

function optionalNumber(value: string): number | undefined {
  return value === '' ? undefined : Math.max(1, Math.round(Number(value)));
}

function RequestForm({ initial }: { initial: SupplierState }) {
  const { t } = useLocale();
  const [state, setState] = useState(initial);
  const set = (change: Partial<SupplierState>) => setState({ ...state, ...change });
  return (
    <form
      class="filters"
      aria-labelledby="request-heading"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(paths.suppliers + writeSuppliers(state));
      }}
    >
      <h2 id="request-heading">{t.requirement}</h2>
      <ProcessPicker name="part-process" label={t.processesLabel} values={state.processes} onChange={(processes) => set({ processes })} />
      <MaterialSelect id="part-material" label={t.materialLabel} value={state.material} onChange={(material) => set({ material })} />
      <div class="field-row">
        <div class="field">
          <label for="part-quantity">{t.quantityLabel}</label>
          <select
            id="part-quantity"
            value={state.quantity ?? ''}
            onChange={(e) => set({ quantity: (e.currentTarget.value || undefined) as Quantity | undefined })}
          >
            <option value="">{t.notSpecified}</option>
            {quantities.map((q) => (
              <option key={q} value={q}>
                {t[`quantity_${q}`]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="part-tolerance">{t.toleranceLabel}</label>
          <select
            id="part-tolerance"
            value={state.tolerance ?? ''}
            onChange={(e) => set({ tolerance: (e.currentTarget.value || undefined) as Tolerance | undefined })}
          >
            <option value="">{t.notSpecified}</option>
            {tolerances.map((q) => (
              <option key={q} value={q}>
                {t[`tolerance_${q}`]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CheckboxGroup
        legend={t.certificationsLabel}
        name="part-certificate"
        options={certificates}
        values={state.certifications}
        onChange={(certifications) => set({ certifications })}
      />
      <div class="field-row">
        <div class="field">
          <label for="part-postal-code">{t.deliveryLabel}</label>
          <input
            id="part-postal-code"
            inputMode="numeric"
            pattern="[0-9]{5}"
            maxLength={5}
            value={state.postalCode}
            onInput={(e) => set({ postalCode: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="part-distance">{t.maxDistanceLabel}</label>
          <input
            id="part-distance"
            type="number"
            min={1}
            max={500}
            value={state.maxDistanceKm ?? ''}
            onInput={(e) => set({ maxDistanceKm: optionalNumber(e.currentTarget.value) })}
          />
        </div>
      </div>
      <div class="actions">
        <button type="submit">{t.findButton}</button>
      </div>
    </form>
  );
}

function requirementName(requirement: string, t: ReturnType<typeof useLocale>['t']): string {
  const [kind, ...rest] = requirement.split(' ');
  const name = (t as unknown as Record<string, string>)[`req_${kind}`] ?? kind;
  return [name, ...rest].join(' ');
}

function Match({ match, rank }: { match: SupplierMatch; rank: number }) {
  const locale = useLocale();
  const { t, number, percent } = locale;
  const facts = [match.node.city, match.node.network.code, t.score(percent(match.score))];
  if (match.distanceKm !== null) facts.push(t.distance(number(match.distanceKm, 1)));
  return (
    <li class="hit">
      <h3>
        <a href={paths.member(match.node.id)}>{match.node.name}</a>
      </h3>
      <p class="muted">{facts.join(' · ')}</p>
      <meter min={0} max={1} value={match.score} aria-label={t.score(percent(match.score))} />
      <DataTable caption={t.breakdownCaption(match.node.name)} columns={[t.requirement, t.status, t.reason]} class="breakdown">
        {match.breakdown.map((row) => (
          <tr key={row.requirement} class={`status-${row.status}`} data-rank={rank}>
            <th scope="row">{requirementName(row.requirement, t)}</th>
            <td>
              {row.status === 'MET' ? '✓ ' : row.status === 'PARTLY_MET' ? '◐ ' : '✗ '}
              {t[`status_${row.status}`]}
            </td>
            <td>{reasonText(row.reason, locale)}</td>
          </tr>
        ))}
      </DataTable>
    </li>
  );
}

export function SuppliersPage({ params }: { params: URLSearchParams }) {
  const { t, number } = useLocale();
  const state = readSuppliers(params);
  const requirements = supplierRequirements(state);
  const { data, errors, loading } = useQuery(findSuppliers, requirements && { requirements, first: 10 });
  const result = data?.findSuppliers;
  const points = (result?.edges ?? []).flatMap((e) =>
    e.node.location ? [{ id: e.node.id, name: e.node.name, network: e.node.network.code, at: e.node.location }] : [],
  );
  return (
    <>
      <h1>{t.suppliersHeading}</h1>
      <p class="lead">{t.suppliersIntro}</p>
      <div class="search-layout">
        <RequestForm key={params.toString()} initial={state} />
        <section class="results" aria-labelledby="suppliers-results" aria-busy={loading}>
          <h2 id="suppliers-results">
            {t.resultsHeading}
            {result && <span class="hit-count">: {t.suppliersFound(number(result.totalCount))}</span>}
          </h2>
          <NetworkNotice errors={errors} />
          <ErrorNotice errors={errors} />
          {!requirements && <p>{t.suppliersEmpty}</p>}
          {loading && (
            <p class="searching" role="status">
              {t.searching}
            </p>
          )}
          {result && result.edges.length === 0 && <p>{t.noSuppliers}</p>}
          {points.length > 0 && (
            <HitMap
              points={points}
              postalCode={state.postalCode || undefined}
              radiusKm={state.maxDistanceKm}
              label={t.mapLabel(
                number(points.length),
                state.postalCode && state.maxDistanceKm ? t.mapRadius(number(state.maxDistanceKm), state.postalCode) : '',
              )}
            />
          )}
          {result && result.edges.length > 0 && (
            <ol class="hits">
              {result.edges.map((match, i) => (
                <Match key={match.node.id} match={match} rank={i + 1} />
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
