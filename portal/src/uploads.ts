import { useRef, useState } from 'preact/hooks';
import type { GraphQLErrorLike } from './graphql.ts';
import { csrfHeaders } from './session.ts';
import { errorText } from './field-errors.ts';
import { say, type Said } from './said.tsx';

// Files go to the gateway's /attachments as the request's body, not through GraphQL (README "Inquiries",
// "Working groups"): an inquiry's drawings (?inquiryId=) and a meeting's minutes (?meetingId=).

type UploadTarget = { inquiryId: string } | { meetingId: string };

/** The type an upload declares: the browser's, or by the name for STEP files browsers know no type for. */
function uploadType(file: File): string {
  if (file.type) return file.type;
  return /\.(step|stp)$/i.test(file.name) ? 'model/step' : 'application/octet-stream';
}

/** Uploads one file for what `to` names (the session cookie and its CSRF token); the server's error when refused. */
export async function upload(to: UploadTarget, file: File): Promise<GraphQLErrorLike | null> {
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

/**
 * An upload form's state: `send` uploads the files chosen in `input` one after the other until one is refused,
 * whose name and reason stand at the field (`error`) with the focus; `uploaded` names the files that went, and
 * `onUploaded` runs after any did. Without a file chosen, `chooseFirst` is the error.
 */
export function useUploadForm(to: UploadTarget, chooseFirst: Said, onUploaded: () => void) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<Said | null>(null);
  const [uploaded, setUploaded] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (event: Event) => {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    setUploaded(null);
    if (!files.length) {
      setError(chooseFirst);
      return input.current?.focus();
    }
    setBusy(true);
    const sent: string[] = [];
    let refused: Said | null = null;
    for (const file of files) {
      const refusal = await upload(to, file);
      if (refusal) {
        refused = say((locale) => `${file.name}: ${errorText(refusal, locale)}`);
        break;
      }
      sent.push(file.name);
    }
    setBusy(false);
    setError(refused);
    if (refused) input.current?.focus();
    else if (input.current) input.current.value = '';
    if (sent.length) {
      setUploaded(sent);
      onUploaded();
    }
  };

  return { input, error, uploaded, busy, send };
}
