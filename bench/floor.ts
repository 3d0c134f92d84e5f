import { createServer, type IncomingMessage } from 'node:http';
import { createVerifier } from '../gateway/auth.ts';
import { envReader, envString, envUrl, serviceFromEnv, serviceUrlVariable } from '../shared/config.ts';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { runService } from '../shared/main.ts';
import { signedPost } from '../shared/http-client.ts';
import { memberTypeName, networkOfMemberType, networks } from '../shared/networks.ts';
import { shapes, type RequestBody } from './shapes.ts';

// The floor: the least a gateway can do for a shape. It verifies the token and
// makes exactly the subgraph calls of the query plan (region for the page,
// then every owner's _entities in parallel; region alone for a page of members,
// whose fields it answers), with no parsing, validation or planning.
// POST /<shape name> with the shape's request body.

interface Reference {
  __typename: string;
  id: string;
}

const regionUrl = `${envUrl(serviceUrlVariable('region'), 'http://localhost:4004')}/graphql`;
const networkUrls = new Map(networks.map((n) => [n.code, `${envUrl(serviceUrlVariable(n.code), `http://localhost:${n.port}`)}/graphql`]));
const verify = createVerifier({ secret: envString('JWT_SECRET') });
// Subgraphs answer only signed requests; the floor signs as the gateway does.
const secret = envString('SUBGRAPH_SECRET');

async function post(service: string, url: string, query: string, variables: unknown, identity: string): Promise<{ data?: any; errors?: unknown[] }> {
  const answer = await signedPost(secret, url, { service, headers: { [identityHeader]: identity }, body: JSON.stringify({ query, variables }) });
  return JSON.parse(answer.body) as { data?: any; errors?: unknown[] };
}

/** The member fields asked of region for each network's member type, as the gateway's plan asks them. */
const providedFragments = (fields: string) => networks.map((n) => `... on ${memberTypeName(n.code)} { ${fields} }`).join(' ');

function collectReferences(value: unknown, into: Reference[]): Reference[] {
  if (Array.isArray(value)) for (const item of value) collectReferences(item, into);
  else if (value && typeof value === 'object') {
    if ('__typename' in value && networkOfMemberType(String(value.__typename))) into.push(value as Reference);
    else for (const item of Object.values(value)) collectReferences(item, into);
  }
  return into;
}

async function answer(shapeName: string, body: RequestBody, req: IncomingMessage): Promise<unknown> {
  const shape = shapes.find((s) => s.name === shapeName);
  if (!shape) return { errors: [{ message: `No shape ${shapeName}.` }] };
  const identity = encodeIdentity(await verify(req.headers.authorization));
  const plan = typeof shape.floor === 'function' ? shape.floor(body) : shape.floor;
  const region = plan.provided ? plan.region.replace('node { __typename id }', `node { __typename id ${providedFragments(plan.memberFields)} }`) : plan.region;
  const root = await post('region', regionUrl, region, body.variables, identity);
  if (root.errors || plan.provided) return root;
  const byType = Map.groupBy(collectReferences(root.data, []), (r) => r.__typename);
  const errors: unknown[] = [];
  await Promise.all(
    [...byType].map(async ([typename, refs]) => {
      const network = networkOfMemberType(typename)!.code;
      const url = networkUrls.get(network)!;
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${plan.memberFields} } } }`;
      const result = await post(network, url, query, { representations: refs.map(({ __typename, id }) => ({ __typename, id })) }, identity);
      if (result.errors) errors.push(...result.errors);
      result.data?._entities.forEach((fields: object, i: number) => Object.assign(refs[i], fields));
    }),
  );
  return errors.length ? { data: root.data, errors } : { data: root.data };
}

await runService('floor', { ...serviceFromEnv(envReader(process.env), 0), host: '127.0.0.1' }, async () => ({
  http: createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const payload = await answer(decodeURIComponent(req.url!.slice(1)), JSON.parse(Buffer.concat(chunks).toString('utf8')), req).catch((error: Error) => ({
      errors: [{ message: error.message }],
    }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(payload));
  }),
  stop: async () => {},
}));
