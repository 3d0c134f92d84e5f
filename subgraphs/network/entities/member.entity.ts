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
    sortKey: p.string().length(200).collation('C'),
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
    // Search text from services, process names, materials and certificates, written with them; the database folds it into search_text.
    servicesText: p.text().default(''),
    processesText: p.text().default(''),
    materialsText: p.text().default(''),
    certificationsText: p.text().default(''),
    archivedAt: p.datetime().nullable(),
    // Optimistic locking: every write to the member raises it; updateMember refuses a stale one (members.ts).
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    certifications: () => p.oneToMany(CertificationSchema).mappedBy('member').orphanRemoval(),
    services: () => p.oneToMany(ServiceSchema).mappedBy('member').orphanRemoval(),
    contacts: () => p.oneToMany(ContactPersonSchema).mappedBy('member').orphanRemoval(),
  },
  // The indexes of search and findSuppliers (migrations: members, search, search_scale, supplier_cover, supplier_masks), declared so the schema diff stays empty.
  // Those over columns the database derives (search_text, search_name, location) are given as their SQL.
  indexes: [
    { name: 'member_order_idx', properties: ['sortKey', 'id'], where: '"archived_at" is null' },
    { name: 'member_process_codes_idx', properties: ['processCodes'], type: 'gin' },
    { name: 'member_materials_idx', properties: ['materials'], type: 'gin' },
    { name: 'member_employees_idx', properties: ['employees'], where: '"archived_at" is null' },
    {
      name: 'member_search_text_trgm_idx',
      expression: 'create index "member_search_text_trgm_idx" on "member" using gin ("search_text" gin_trgm_ops) where "archived_at" is null',
    },
    {
      name: 'member_search_name_trgm_idx',
      expression: 'create index "member_search_name_trgm_idx" on "member" using gin ("search_name" gin_trgm_ops) where "archived_at" is null',
    },
    {
      name: 'member_location_idx',
      expression: 'create index "member_location_idx" on "member" using gist ("location") include ("sort_key", "id") where "archived_at" is null',
    },
    {
      name: 'member_supplier_idx',
      expression:
        'create index "member_supplier_idx" on "member" ("id") include ("sort_key", "process_mask", "material_mask", "materials", "employees", "location") where "archived_at" is null',
    },
  ],
});

export type Member = InferEntity<typeof MemberSchema>;
