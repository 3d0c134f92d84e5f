import type { IncomingMessage } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

// An upload's body as the gateway and region read it (gateway/attachments.ts, subgraphs/region/files.ts): each holds
// the body's declared length of its memory budget from before the first byte, so the body is read into one buffer of
// that size (chunks collected and then concatenated held it twice for a moment), and a body that stops coming gives
// its place back instead of holding it until Node's requestTimeout (300 s: two callers with four stalled uploads each
// took every place, the review).

/** The body stopped arriving for the idle time: 408, as shared/http.ts answers Node's requestTimeout (ERR_HTTP_REQUEST_TIMEOUT). */
export class BodyIdle extends GraphQLError {
  constructor(ms: number) {
    super(`The request did not arrive in time: no byte of its body came for ${ms / 1000} s.`, {
      extensions: { code: ApolloServerErrorCode.BAD_REQUEST, http: { status: 408 } },
    });
  }
}

/** What an upload holds: its declared length, or `limit` for a chunked body (a declared length over it is the caller's to refuse first). */
export function bytesToHold(req: IncomingMessage, limit: number): number {
  const declared = Number(req.headers['content-length']);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : limit;
}

/**
 * The body, read into one buffer of `size`; null when more comes. Rejects with BodyIdle when no byte came for
 * `idleMs` (the request is left unread, for a 408 on a connection that closes), and with an Error when the caller went
 * away mid-upload.
 */
export function readUploadBody(req: IncomingMessage, size: number, idleMs: number): Promise<Buffer | null> {
  const body = Buffer.allocUnsafe(size);
  let length = 0;
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = <T>(then: (value: T) => void, value: T) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onClose);
      req.pause();
      then(value);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => settle(reject, new BodyIdle(idleMs)), idleMs);
    };
    const onData = (chunk: Buffer) => {
      if (length + chunk.length > size) return settle(resolve, null);
      chunk.copy(body, length);
      length += chunk.length;
      arm();
    };
    const onEnd = () => settle(resolve, body.subarray(0, length));
    const onGone = (error: Error) => settle(reject, error);
    const onClose = () => settle(reject, new Error('the caller went away mid-upload'));
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onClose);
    arm();
  });
}
