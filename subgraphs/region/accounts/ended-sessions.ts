import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../shared/errors.ts';
import { isoDateTime } from '../../../shared/validation.ts';
import { EndedSessionSchema } from './ended-session.entity.ts';

// Sessions signed out before their end (ended-session.entity.ts). A working day's sign-outs are a few
// hundred rows at most: each logout also purges those past their end, so the table never holds more.

const sessionIdPattern = /^[0-9a-f]{64}$/;
const maxSessionMs = 24 * 3600_000;

function sessionId(field: string, value: string): string {
  if (!sessionIdPattern.test(value)) throw badInput(field, `${field} must be a session id of 64 lower-case hexadecimal digits.`, { reason: 'NOT_AN_ID' });
  return value;
}

/** Records a signed-out session until `endsAt`; false when it already was. */
export async function endSession(em: EntityManager, session: string, endsAt: string): Promise<boolean> {
  const id = sessionId('session', session);
  // A session lasts a working day (8 h) at most; a longer record would outlive its purpose and its purge.
  const until = new Date(Math.min(isoDateTime('endsAt', endsAt).getTime(), Date.now() + maxSessionMs));
  const connection = em.getConnection();
  await connection.execute('delete from ended_session where ends_at < now()');
  const inserted = await connection.execute<{ id: string }[]>(
    'insert into ended_session (id, ends_at) values (?, ?) on conflict (id) do nothing returning id',
    [id, until],
  );
  return inserted.length === 1;
}

/** Whether a session being renewed was signed out; a gateway that sends no id (`session` absent) has none to check. */
export async function sessionEnded(em: EntityManager, session: string | null | undefined): Promise<boolean> {
  if (session == null) return false;
  return (await em.count(EndedSessionSchema, { id: sessionId('session', session) })) > 0;
}
