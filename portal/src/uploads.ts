import type { GraphQLErrorLike } from './graphql.ts';
import { csrfHeaders } from './session.ts';

// Files go to the gateway's /attachments as the request's body, not through GraphQL (README "Inquiries",
// "Working groups"): an inquiry's drawings (?inquiryId=) and a meeting's minutes (?meetingId=).

/** The type an upload declares: the browser's, or by the name for STEP files browsers know no type for. */
function uploadType(file: File): string {
  if (file.type) return file.type;
  return /\.(step|stp)$/i.test(file.name) ? 'model/step' : 'application/octet-stream';
}

/** Uploads one file for what `to` names (the session cookie and its CSRF token); the server's error when refused. */
export async function upload(to: { inquiryId: string } | { meetingId: string }, file: File): Promise<GraphQLErrorLike | null> {
  const [target, id] = Object.entries(to)[0];
  try {
    const response = await fetch(`/attachments?${target}=${encodeURIComponent(id)}&fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': uploadType(file), ...csrfHeaders() },
      body: file,
    });
    if (response.ok) return null;
    const body = (await response.json().catch(() => ({}))) as { errors?: GraphQLErrorLike[] };
    return body.errors?.[0] ?? { message: `HTTP ${response.status}`, extensions: { code: 'HTTP' } };
  } catch {
    return { message: 'The portal cannot be reached.', extensions: { code: 'UNREACHABLE' } };
  }
}
