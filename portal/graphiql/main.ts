import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './accessible.css';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// GraphiQL for front-end developers at GET /graphql, built from the npm package into the portal's
// dist: no CDN. The schema comes as SDL from the gateway (descriptions included), so the docs work
// even where introspection is off (NODE_ENV=production).

const defaultQuery = `# The region's companies: filters, facets and the reasons of each hit.
# Writes need a token: add {"authorization": "Bearer …"} under Headers (npm run token).
{
  members(first: 5, filter: { text: "Fräs", near: { postalCode: "37269", radiusKm: 40 } }) {
    totalCount
    facets { networks { label count } processMainGroups { label count } }
    edges { distanceKm matched { text processes } node { id name city network { code } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { ...(options?.headers as Record<string, string> | undefined), 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

const sdl = await (await fetch('/graphql/schema.graphql')).text();
createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher, schema: buildSchema(sdl), defaultQuery }));
