import { createServer, request, type Server } from 'node:http';

/**
 * A network service of an older internal API version in front of `target` (a real network's URL): it says `version`
 * in every answer and, as its schema would lack them, refuses an operation whose query matches `lacks` with graphql's
 * validation error, naming `field` as graphql would. `refused()` counts the operations it refused.
 */
export function olderNetwork(target: string, version: string, lacks: RegExp, field: string): { server: Server; refused: () => number } {
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (lacks.test(JSON.parse(body.toString()).query)) {
        refused++;
        const refusal = { message: `Cannot query field "${field}".`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [refusal], extensions: { internalApiVersion: version } }));
        return;
      }
      const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const answered = JSON.parse(Buffer.concat(parts).toString());
          answered.extensions = { ...answered.extensions, internalApiVersion: version };
          res.writeHead(answer.statusCode!, { 'content-type': 'application/json' }).end(JSON.stringify(answered));
        });
      });
      upstream.end(body);
    });
  });
  return { server, refused: () => refused };
}
