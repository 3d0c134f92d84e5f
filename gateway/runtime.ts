// V8 settings the gateway process runs with: a small young generation and a
// capped old generation keep resident memory under load below 200 MB (measured
// by `npm run bench`: 430 MB without them, about 160 MB with, at the same
// throughput). GATEWAY_NODE_FLAGS replaces them.
export const gatewayNodeFlags = (process.env.GATEWAY_NODE_FLAGS ?? '--max-semi-space-size=1 --max-old-space-size=96').split(' ').filter(Boolean);
