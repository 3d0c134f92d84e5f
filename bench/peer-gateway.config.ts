import { createVerifier } from '../gateway/auth.ts';
import { envString, envUrl, serviceUrlVariable } from '../shared/config.ts';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { networks } from '../shared/networks.ts';
import { signRequest } from '../shared/signature.ts';

// The peer gateway (Hive Gateway) for the benchmark: the committed supergraph,
// subgraph URLs from the same variables our gateway reads, and the same
// identity header, from the same token verification.

const verify = createVerifier({ secret: envString('JWT_SECRET') });
const secret = envString('SUBGRAPH_SECRET');
const identities = new WeakMap<Request, Promise<string>>();

function identityOf(request: Request): Promise<string> {
  let identity = identities.get(request);
  if (!identity) {
    identity = verify(request.headers.get('authorization') ?? undefined).then(encodeIdentity);
    identities.set(request, identity);
  }
  return identity;
}

const locations: Record<string, { location: string }> = { region: { location: `${envUrl(serviceUrlVariable('region'), '')}/graphql` } };
for (const n of networks) locations[n.code.toLowerCase()] = { location: `${envUrl(serviceUrlVariable(n.code), '')}/graphql` };
// The signature names the subgraph called; onFetch sees only its URL.
const serviceAt = new Map(Object.entries(locations).map(([name, { location }]) => [location, name]));

// A plain object rather than Hive's defineConfig: importing its types would put
// its own fetch and Response declarations into the whole project's type check.
export const gatewayConfig = {
  supergraph: envString('SUPERGRAPH_PATH'),
  transportEntries: locations,
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request }: { request: Request }) => ({ [identityHeader]: await identityOf(request) }),
  },
  // Subgraphs answer only signed requests: sign each final request exactly as our gateway does.
  plugins: () => [
    {
      onFetch({ url, options, setOptions }: { url: string; options: RequestInit; setOptions: (options: RequestInit) => void }) {
        const headers = Object.fromEntries(new Headers(options.headers).entries());
        const target = new URL(url);
        const body = typeof options.body === 'string' ? options.body : '';
        setOptions({
          ...options,
          headers: {
            ...headers,
            ...signRequest(secret, {
              service: serviceAt.get(target.origin + target.pathname) ?? '',
              method: options.method ?? 'POST',
              path: target.pathname + target.search,
              body,
              identity: headers[identityHeader],
            }),
          },
        });
      },
    },
  ],
};
