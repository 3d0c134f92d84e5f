import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { CertificationSchema } from './certification.entity.ts';
import { ContactPersonSchema } from './contact-person.entity.ts';
import { ServiceSchema } from './service.entity.ts';

export const MemberSchema = defineEntity({
  name: 'Member',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(200),
    // Normalised name for the region-wide order; see shared/sort-key.ts.
    sortKey: p.string().length(200),
    street: p.string().length(200).nullable(),
    postalCode: p.string().length(5),
    city: p.string().length(100),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    website: p.string().length(300).nullable(),
    employees: p.integer().nullable(),
    description: p.text().nullable(),
    processCodes: p.array().default([]),
    materials: p.array().default([]),
    // Search text from services and process names, written with them; the database folds it into search_text.
    servicesText: p.text().default(''),
    processesText: p.text().default(''),
    archivedAt: p.datetime().nullable(),
    // Optimistic locking: every write to the member raises it; updateMember refuses a stale one (members.ts).
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    certifications: () => p.oneToMany(CertificationSchema).mappedBy('member').orphanRemoval(),
    services: () => p.oneToMany(ServiceSchema).mappedBy('member').orphanRemoval(),
    contacts: () => p.oneToMany(ContactPersonSchema).mappedBy('member').orphanRemoval(),
  },
});

export type Member = InferEntity<typeof MemberSchema>;
