import { Migration20261123100000_capacity } from './Migration20261123100000_capacity.ts';

// Committed migrations of the region database, oldest first; they run at start-up.
export const migrations = [{ name: 'Migration20261123100000_capacity', class: Migration20261123100000_capacity }];
