import { HitMap } from '../components/map.tsx';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { memberProfile, memberStanding, type Process } from '../operations.ts';
import { processName } from '../catalog.ts';
import { lastSearch, paths } from '../router.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';
import { EditMemberLink } from './member-form.tsx';

// A member's profile: what it offers (services, processes, materials), its certificates with their
// validity, where it is and which network it belongs to. Contact persons appear only when the graph
// returns them (it hides them from anonymous visitors). A company that has left its network keeps its profile, said
// so at its top, without a workload or certificates that read as current.

/**
 * A valid certificate running out within this many days reads so, in the warning colour: one running out in 13
 * days showed plainly as valid (the self-service probe). Ninety, as the office's list of expiring certificates
 * looks ahead by default: a renewal audit is booked about three months ahead.
 */
const expiringDays = 90;

function ProcessList({ processes }: { processes: Process[] }) {
  const { language } = useLocale();
  return (
    <ul class="tags">
      {processes.map((p) => (
        <li key={p.code}>
          <a href={`${paths.search}?p=${encodeURIComponent(p.code)}`}>
            {p.code} {processName(p.code, language)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function MemberPage({ id }: { id: string }) {
  const { t, number, date, day } = useLocale();
  const { data, errors, loading } = useQuery(memberProfile, { id });
  const standing = useQuery(memberStanding, { id });
  const member = data?.member;
  // Shown only with its standing, so an archived member's certificates never show as valid first.
  if ((loading && !member) || (standing.loading && !standing.data)) {
    return (
      <>
        <p>
          <a href={lastSearch()}>{t.profileBack}</a>
        </p>
        <h1 aria-busy="true">{t.loading}</h1>
      </>
    );
  }
  if (!member) {
    return (
      <>
        <p>
          <a href={lastSearch()}>{t.profileBack}</a>
        </p>
        <NetworkNotice errors={errors} />
        <ErrorNotice errors={errors} />
        {!errors.length && <h1>{t.notFoundMember}</h1>}
      </>
    );
  }
  const office = member.network.office;
  const archivedAt = standing.data?.member?.archivedAt ?? null;
  return (
    <article class="profile">
      <p>
        <a href={lastSearch()}>{t.profileBack}</a>
      </p>
      <h1>{member.name}</h1>
      <EditMemberLink member={member} />
      {archivedAt && (
        <p class="notice notice-warning">
          <strong>{t.memberLeft(member.network.code, day(archivedAt))}</strong> {t.memberLeftNote}
        </p>
      )}
      <NetworkNotice errors={errors} />
      <ErrorNotice errors={errors} />
      {member.description && <p class="lead multiline">{member.description}</p>}
      <dl class="facts">
        <dt>{t.network}</dt>
        <dd>
          {member.network.name} ({member.network.code})
        </dd>
        <dt>{t.address}</dt>
        <dd>{[member.street, `${member.postalCode} ${member.city}`].filter(Boolean).join(', ')}</dd>
        {member.employees !== null && (
          <>
            <dt>{t.employeesLabel}</dt>
            <dd>{number(member.employees)}</dd>
          </>
        )}
        {!archivedAt && (
          <>
            <dt>{t.availability}</dt>
            <dd>{t[`availability_${member.availability}`]}</dd>
          </>
        )}
        {member.website && (
          <>
            <dt>{t.website}</dt>
            <dd>
              <a href={member.website} rel="noopener noreferrer" data-external>
                {member.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      <div class="columns">
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{t.services}</h2>
          {member.services.length === 0 && <p>{t.noServices}</p>}
          {member.services.map((service) => (
            <div key={service.id} class="service">
              <h3>{service.title}</h3>
              {service.description && <p class="multiline">{service.description}</p>}
              {service.processes.length > 0 && <ProcessList processes={service.processes} />}
            </div>
          ))}
          <h2>{t.processes}</h2>
          {member.processes.length ? <ProcessList processes={member.processes} /> : <p>{t.none}</p>}
          <h2>{t.materials}</h2>
          {member.materials.length ? (
            <ul class="tags">
              {member.materials.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : (
            <p>{t.none}</p>
          )}
        </section>
        <section aria-labelledby="certificates-heading">
          <h2 id="certificates-heading">{t.certifications}</h2>
          {member.certifications.length ? (
            <ul class="certificates">
              {member.certifications.map((c, index) => (
                // A member may hold one standard twice (two sites, a renewal beside the old one): the standard alone was no key.
                // biome-ignore lint/suspicious/noArrayIndexKey: certificates have no id in the graph; the list is replaced as a whole
                <li key={index} class={archivedAt ? undefined : !c.valid ? 'expired' : c.daysLeft <= expiringDays ? 'expiring' : 'valid'}>
                  <strong>{c.standard}</strong>
                  {c.number && <span class="muted"> ({t.certificateNumber(c.number)})</span>}
                  <br />
                  <span>
                    {archivedAt
                      ? t.certificateWhenLeft(date(c.validUntil))
                      : !c.valid
                        ? `✗ ${t.certificateExpired(date(c.validUntil))}`
                        : c.daysLeft <= expiringDays
                          ? `! ${t.certificateExpiring(date(c.validUntil), c.daysLeft)}`
                          : `✓ ${t.certificateValid(date(c.validUntil))}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.none}</p>
          )}
          <h2>{t.location}</h2>
          {member.location && (
            <HitMap
              points={[{ id: member.id, name: member.name, network: member.network.code, at: member.location }]}
              label={`${t.location}: ${member.postalCode} ${member.city}`}
            />
          )}
          {member.contacts.length > 0 && (
            <>
              <h2>{t.contacts}</h2>
              <ul class="contacts">
                {member.contacts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>
                    {c.role && `, ${c.role}`}
                    {c.email && (
                      <>
                        <br />
                        <a href={`mailto:${c.email}`} data-external>
                          {c.email}
                        </a>
                      </>
                    )}
                    {c.phone && (
                      <>
                        <br />
                        {c.phone}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t.networkOffice}</h2>
          <p>
            {office.name}, {office.city}
            <br />
            <a href={`mailto:${office.email}`} data-external>
              {office.email}
            </a>
            <br />
            {office.phone}
          </p>
        </section>
      </div>
    </article>
  );
}
