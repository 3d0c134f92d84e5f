import { Migration20261123100000_capacity } from './Migration20261123100000_capacity.ts';
import { Migration20261124000000_api_keys } from './Migration20261124000000_api_keys.ts';

// Committed migrations of the region database, oldest first; they run at start-up.
export const migrations = [
  { name: 'Migration20261123100000_capacity', class: Migration20261123100000_capacity },
  { name: 'Migration20261124000000_api_keys', class: Migration20261124000000_api_keys },
];
