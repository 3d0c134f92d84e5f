export { MemberSchema, type Member } from './member.entity.ts';
export { CertificationSchema, type Certification } from './certification.entity.ts';
export { ServiceSchema, type Service } from './service.entity.ts';
export { ContactPersonSchema, type ContactPerson } from './contact-person.entity.ts';
export { AuditEntrySchema, type AuditEntry } from './audit-entry.entity.ts';
