// The supergraph the gateway serves by default, composed ahead of time by `npm run compose` (scripts/compose.ts).
export const supergraphPath = new URL('./supergraph.graphql', import.meta.url);
