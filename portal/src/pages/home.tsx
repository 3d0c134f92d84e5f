import { processName } from '../catalog.ts';
import { NetworkNotice, ErrorNotice } from '../components/notices.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { networkColours } from '../components/map.tsx';
import { startPage, type FacetCount } from '../operations.ts';
import { paths } from '../router.ts';
import { emptySearch, writeSearch } from '../search-state.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';

// The region at a glance: its networks, what its companies can make, the certificates they hold,
// and a search box. The heading and the search box render at once; the figures follow.

function FacetList({ facets, link, label = (f) => f.label }: { facets: FacetCount[]; link: (f: FacetCount) => string; label?: (f: FacetCount) => string }) {
  const { t, number } = useLocale();
  const most = Math.max(1, ...facets.map((f) => f.count));
  return (
    <ul class="bars">
      {facets.map((facet) => (
        <li key={facet.value}>
          <a href={link(facet)}>
            <span class="bar-label">{label(facet)}</span>
            <span class="bar-count">{t.companies(number(facet.count))}</span>
            <span class="bar" style={{ width: `${(facet.count / most) * 100}%` }} aria-hidden="true" />
          </a>
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t, number, language } = useLocale();
  const { data, errors, loading } = useQuery(startPage, {});
  return (
    <>
      <section class="hero">
        <h1>{t.siteTitle}</h1>
        <p class="lead">{t.homeIntro}</p>
        <SearchBox />
      </section>
      <NetworkNotice errors={errors} />
      <ErrorNotice errors={errors} />
      <section aria-labelledby="networks-heading" aria-busy={loading}>
        <h2 id="networks-heading">{t.networksHeading}</h2>
        {!data && loading && <p>{t.loading}</p>}
        <ul class="networks">
          {data?.networks.map((network) => (
            <li key={network.code} class="network-card" style={{ borderTopColor: networkColours[network.code] }}>
              <h3>
                <a href={paths.search + writeSearch({ ...emptySearch, networks: [network.code] })}>
                  {network.name} ({network.code})
                </a>
              </h3>
              <p class="count">{network.memberCount === null ? t.membersUnknown : t.members(number(network.memberCount))}</p>
              <p>{network.focus.join(' · ')}</p>
              <p class="muted">{t.officeIn(network.office.name, network.office.city)}</p>
            </li>
          ))}
        </ul>
      </section>
      <div class="columns">
        <section aria-labelledby="capabilities-heading" aria-busy={loading}>
          <h2 id="capabilities-heading">{t.capabilitiesHeading}</h2>
          <p class="muted">{t.capabilitiesIntro}</p>
          {!data && loading && <p>{t.loading}</p>}
          {data && (
            <FacetList
              facets={data.members.facets.processMainGroups}
              link={(f) => paths.search + writeSearch({ ...emptySearch, processes: [f.value] })}
              label={(f) => processName(f.value, language)}
            />
          )}
        </section>
        <section aria-labelledby="certifications-heading" aria-busy={loading}>
          <h2 id="certifications-heading">{t.certificationsHeading}</h2>
          <p class="muted">{t.certificationsIntro}</p>
          {!data && loading && <p>{t.loading}</p>}
          {data && (
            <FacetList facets={data.members.facets.certifications} link={(f) => paths.search + writeSearch({ ...emptySearch, certifications: [f.value] })} />
          )}
        </section>
      </div>
    </>
  );
}
