import type { EntityManager } from '@mikro-orm/postgresql';
import { auditFields } from '../../shared/audit.ts';
import type { Identity } from '../../shared/identity.ts';
import {
  AuditEntrySchema,
  CertificationSchema,
  ContactPersonSchema,
  ServiceSchema,
  type AuditEntry,
  type Certification,
  type ContactPerson,
  type Member,
  type Service,
} from './entities/index.ts';

// The audit log of a network: who wrote what, when, with the record before and after.

/** Writes done by the service itself (demo data, tests' fixtures). */
export const systemActor: Identity = { role: 'admin', subject: 'system' };

export function recordAudit(
  em: EntityManager,
  actor: Identity,
  action: string,
  target: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditEntry {
  return em.create(AuditEntrySchema, auditFields(actor, { action, target, before, after }));
}

export function contactSnapshot(c: ContactPerson) {
  return { id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone };
}

/** The member as stored, with its lists; call after a flush so the lists are current. */
export async function memberSnapshot(em: EntityManager, m: Member): Promise<Record<string, unknown>> {
  const [certifications, services, contacts] = await Promise.all([
    em.find(CertificationSchema, { member: m.id }, { orderBy: { id: 'asc' } }),
    em.find(ServiceSchema, { member: m.id }, { orderBy: { id: 'asc' } }),
    em.find(ContactPersonSchema, { member: m.id }, { orderBy: { id: 'asc' } }),
  ]);
  return snapshotOf(m, { certifications, services, contacts });
}

/** The member with the lists given, in id order: for members just written, whose lists are at hand (importMembers). */
export function snapshotOf(m: Member, lists: { certifications: Certification[]; services: Service[]; contacts: ContactPerson[] }): Record<string, unknown> {
  const { certifications, services, contacts } = lists;
  return {
    name: m.name,
    street: m.street,
    postalCode: m.postalCode,
    city: m.city,
    latitude: m.latitude,
    longitude: m.longitude,
    website: m.website,
    employees: m.employees,
    description: m.description,
    processes: m.processCodes,
    materials: m.materials,
    archivedAt: m.archivedAt?.toISOString() ?? null,
    certifications: certifications.map((c) => ({ standard: c.standard, number: c.number, validUntil: c.validUntil })),
    services: services.map((s) => ({ title: s.title, description: s.description, processes: s.processCodes })),
    contacts: contacts.map(contactSnapshot),
  };
}

/** Newest first, after the entry with id `before` when given. */
export function auditPage(em: EntityManager, first: number, before: number | null): Promise<AuditEntry[]> {
  return em.find(AuditEntrySchema, before === null ? {} : { id: { $lt: before } }, { orderBy: { id: 'desc' }, limit: first });
}
