import { Migration20261123100000_capacity } from './Migration20261123100000_capacity.ts';
import { Migration20261124000000_api_keys } from './Migration20261124000000_api_keys.ts';
import { Migration20261125000000_inquiries } from './Migration20261125000000_inquiries.ts';
import { Migration20261126000000_idempotency_key_age } from './Migration20261126000000_idempotency_key_age.ts';
import { Migration20261201100000_region_audit } from './Migration20261201100000_region_audit.ts';
import { Migration20261201100100_random_ids } from './Migration20261201100100_random_ids.ts';
import { Migration20261201100200_invitee_proposals } from './Migration20261201100200_invitee_proposals.ts';
import { webhookOwnersMigration } from './Migration20261201200000_webhook_owners.ts';
import { Migration20261201300000_share_percent_check } from './Migration20261201300000_share_percent_check.ts';
import { Migration20261201300100_enum_checks } from './Migration20261201300100_enum_checks.ts';
import { Migration20261201400000_news } from './Migration20261201400000_news.ts';
import { Migration20261201400100_news_notifications } from './Migration20261201400100_news_notifications.ts';
import { Migration20261201500000_relationships } from './Migration20261201500000_relationships.ts';
import { Migration20261201500100_relationship_notifications } from './Migration20261201500100_relationship_notifications.ts';
import { Migration20261202000000_cooperation_notifications } from './Migration20261202000000_cooperation_notifications.ts';
import { Migration20261202100000_accounts } from './Migration20261202100000_accounts.ts';
import { Migration20261202200000_working_groups } from './Migration20261202200000_working_groups.ts';
import { Migration20261202300000_trade_fairs } from './Migration20261202300000_trade_fairs.ts';
import { Migration20261206000000_ended_sessions } from './Migration20261206000000_ended_sessions.ts';
import { Migration20261206100000_relationship_facts } from './Migration20261206100000_relationship_facts.ts';
import { Migration20261206200000_audit_reader_network } from './Migration20261206200000_audit_reader_network.ts';
import { Migration20261207000000_revision_consortium } from './Migration20261207000000_revision_consortium.ts';
import { Migration20261207100000_consortium_partner_network } from './Migration20261207100000_consortium_partner_network.ts';
import { Migration20261208000000_inquiry_lifecycle } from './Migration20261208000000_inquiry_lifecycle.ts';
import { Migration20261209000000_inquiry_owner_pages } from './Migration20261209000000_inquiry_owner_pages.ts';
import { Migration20261210000000_account_recovery } from './Migration20261210000000_account_recovery.ts';

// Committed migrations of the region database, oldest first; they run at start-up.
// One encrypts webhook secrets, so the list is made for region's webhook key.
export const regionMigrations = (webhookKey: Buffer) => [
  { name: 'Migration20261123100000_capacity', class: Migration20261123100000_capacity },
  { name: 'Migration20261124000000_api_keys', class: Migration20261124000000_api_keys },
  { name: 'Migration20261125000000_inquiries', class: Migration20261125000000_inquiries },
  { name: 'Migration20261126000000_idempotency_key_age', class: Migration20261126000000_idempotency_key_age },
  { name: 'Migration20261201100000_region_audit', class: Migration20261201100000_region_audit },
  { name: 'Migration20261201100100_random_ids', class: Migration20261201100100_random_ids },
  { name: 'Migration20261201100200_invitee_proposals', class: Migration20261201100200_invitee_proposals },
  { name: 'Migration20261201200000_webhook_owners', class: webhookOwnersMigration(webhookKey) },
  { name: 'Migration20261201300000_share_percent_check', class: Migration20261201300000_share_percent_check },
  { name: 'Migration20261201300100_enum_checks', class: Migration20261201300100_enum_checks },
  { name: 'Migration20261201400000_news', class: Migration20261201400000_news },
  { name: 'Migration20261201400100_news_notifications', class: Migration20261201400100_news_notifications },
  { name: 'Migration20261201500000_relationships', class: Migration20261201500000_relationships },
  { name: 'Migration20261201500100_relationship_notifications', class: Migration20261201500100_relationship_notifications },
  { name: 'Migration20261202000000_cooperation_notifications', class: Migration20261202000000_cooperation_notifications },
  { name: 'Migration20261202100000_accounts', class: Migration20261202100000_accounts },
  { name: 'Migration20261202200000_working_groups', class: Migration20261202200000_working_groups },
  { name: 'Migration20261202300000_trade_fairs', class: Migration20261202300000_trade_fairs },
  { name: 'Migration20261206000000_ended_sessions', class: Migration20261206000000_ended_sessions },
  { name: 'Migration20261206100000_relationship_facts', class: Migration20261206100000_relationship_facts },
  { name: 'Migration20261206200000_audit_reader_network', class: Migration20261206200000_audit_reader_network },
  { name: 'Migration20261207000000_revision_consortium', class: Migration20261207000000_revision_consortium },
  { name: 'Migration20261207100000_consortium_partner_network', class: Migration20261207100000_consortium_partner_network },
  { name: 'Migration20261208000000_inquiry_lifecycle', class: Migration20261208000000_inquiry_lifecycle },
  { name: 'Migration20261209000000_inquiry_owner_pages', class: Migration20261209000000_inquiry_owner_pages },
  { name: 'Migration20261210000000_account_recovery', class: Migration20261210000000_account_recovery },
];
