import { Migration } from '@mikro-orm/migrations';

// Working groups (working-groups/*.entity.ts): groups, memberships, meetings,
// RSVPs and minutes. A trigger keeps each meeting's count of "yes" answers and
// a check holds it within the participant limit, so the database itself
// refuses the answer that would pass the limit, whatever the number of
// simultaneous RSVPs (the trigger's update takes the meeting's row lock, so
// they count one after another). The CAD working group, which balances the
// members' CAD capacity, is seeded under the KONAT office (its network's focus
// is Konstruktion und CAD), its creation time in milliseconds as JavaScript
// writes it, since the list's cursor compares creation times.
const tables = [
  `create table "working_group" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "topic" varchar(200) not null, "description" text not null, "lead_network" varchar(20) not null, "lead_member_id" varchar(40) null, "balances_capacity" boolean not null default false, "created_by" varchar(240) not null, primary key ("id"));`,
  `create unique index "working_group_topic_key" on "working_group" (lower("topic"));`,
  `create table "working_group_membership" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "group_id" bigint not null, "member_id" varchar(40) not null, "network" varchar(20) not null, "status" varchar(20) not null, "joined_at" timestamptz null, "ended_at" timestamptz null, "ended_by" varchar(240) null, primary key ("id"));`,
  `create index "working_group_membership_member_idx" on "working_group_membership" ("member_id", "status");`,
  `create unique index "working_group_membership_open_key" on "working_group_membership" ("group_id", "member_id") where "status" in ('INVITED', 'REQUESTED', 'ACTIVE');`,
  `alter table "working_group_membership" add constraint "working_group_membership_group_id_fkey" foreign key ("group_id") references "working_group" ("id");`,
  `alter table "working_group_membership" add constraint "working_group_membership_status_check" check ("status" in ('INVITED', 'REQUESTED', 'ACTIVE', 'LEFT', 'REMOVED'));`,
  `create table "working_group_meeting" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "group_id" bigint not null, "starts_at" timestamptz not null, "place" varchar(200) null, "video_link" varchar(500) null, "agenda" text not null, "participant_limit" int not null, "yes_count" int not null default 0, "scheduled_by" varchar(240) not null, primary key ("id"));`,
  `create index "working_group_meeting_group_idx" on "working_group_meeting" ("group_id", "starts_at");`,
  `alter table "working_group_meeting" add constraint "working_group_meeting_group_id_fkey" foreign key ("group_id") references "working_group" ("id");`,
  `alter table "working_group_meeting" add constraint "working_group_meeting_limit_check" check ("participant_limit" >= 1);`,
  `alter table "working_group_meeting" add constraint "working_group_meeting_yes_within_limit" check ("yes_count" >= 0 and "yes_count" <= "participant_limit");`,
  `alter table "working_group_meeting" add constraint "working_group_meeting_where_check" check ("place" is not null or "video_link" is not null);`,
  `create table "meeting_rsvp" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "meeting_id" bigint not null, "member_id" varchar(40) not null, "answer" varchar(10) not null, "answered_at" timestamptz not null, primary key ("id"));`,
  `alter table "meeting_rsvp" add constraint "meeting_rsvp_member_key" unique ("meeting_id", "member_id");`,
  `alter table "meeting_rsvp" add constraint "meeting_rsvp_meeting_id_fkey" foreign key ("meeting_id") references "working_group_meeting" ("id");`,
  `alter table "meeting_rsvp" add constraint "meeting_rsvp_answer_check" check ("answer" in ('YES', 'NO', 'MAYBE'));`,
  `create table "meeting_minutes" ("id" bigint not null default random_id(), "created_at" timestamptz not null, "meeting_id" bigint not null, "file_name" varchar(200) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "storage_name" varchar(100) not null, "uploaded_by" varchar(240) not null, primary key ("id"));`,
  `alter table "meeting_minutes" add constraint "meeting_minutes_storage_name_key" unique ("storage_name");`,
  `create index "meeting_minutes_meeting_idx" on "meeting_minutes" ("meeting_id", "created_at");`,
  `alter table "meeting_minutes" add constraint "meeting_minutes_meeting_id_fkey" foreign key ("meeting_id") references "working_group_meeting" ("id");`,
];

const yesCount = [
  `create function "meeting_rsvp_yes_count"() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old."answer" = new."answer" then return null; end if;
  if tg_op in ('UPDATE', 'DELETE') and old."answer" = 'YES' then
    update "working_group_meeting" set "yes_count" = "yes_count" - 1 where "id" = old."meeting_id";
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new."answer" = 'YES' then
    update "working_group_meeting" set "yes_count" = "yes_count" + 1 where "id" = new."meeting_id";
  end if;
  return null;
end $$;`,
  `create trigger "meeting_rsvp_yes_count" after insert or update of "answer" or delete on "meeting_rsvp" for each row execute function "meeting_rsvp_yes_count"();`,
];

const cadGroup = `insert into "working_group" ("created_at", "topic", "description", "lead_network", "lead_member_id", "balances_capacity", "created_by")
  values (date_trunc('milliseconds', now()), 'CAD-Kapazitätsausgleich', 'Konstrukteure der Mitglieder aller Netzwerke gleichen freie und fehlende CAD-Kapazität aus: wer in einer Kalenderwoche Stunden frei hat, übernimmt Konstruktionsarbeit der anderen. Die Kapazitätsbilanz zeigt Angebot, Bedarf und Buchungen je Woche und CAD-System.', 'KONAT', null, true, 'migration')
  on conflict do nothing;`;

export class Migration20261202200000_working_groups extends Migration {
  override up(): void {
    for (const sql of [...tables, ...yesCount, cadGroup]) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`drop table "meeting_minutes";`);
    this.addSql(`drop table "meeting_rsvp";`);
    this.addSql(`drop function "meeting_rsvp_yes_count"();`);
    this.addSql(`drop table "working_group_meeting";`);
    this.addSql(`drop table "working_group_membership";`);
    this.addSql(`drop table "working_group";`);
  }
}
