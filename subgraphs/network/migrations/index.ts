import { Migration20261123000000_members } from './Migration20261123000000_members.ts';

// Committed migrations, oldest first. They run at start-up; the schema is never synchronised from entities outside tests.
export const migrations = [{ name: 'Migration20261123000000_members', class: Migration20261123000000_members }];
