import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { ConfigError } from '../shared/config.ts';

// The address anonymous callers are rate-limited by. Behind the TLS proxy an office puts in front
// (docs/office.md), every request's TCP peer is the proxy, so all visitors shared one bucket of 60
// requests a minute. Only a proxy named in TRUSTED_PROXIES may say who the client is, in
// X-Forwarded-For; anyone else could write any address there and get a fresh bucket per request.

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same peer. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address: the TCP peer, or, when the peer is a trusted proxy, the right-most address in
 * X-Forwarded-For that is not a trusted proxy itself (each proxy appends the address it was called from).
 */
export function clientAddressOf(trustedProxies: readonly string[]): (req: IncomingMessage) => string | undefined {
  const trusted = new Set(trustedProxies.map(plain));
  return (req) => {
    const peer = req.socket.remoteAddress && plain(req.socket.remoteAddress);
    if (!peer || !trusted.has(peer)) return peer;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => plain(hop.trim()));
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!isIP(hops[i])) return peer;
      if (!trusted.has(hops[i])) return hops[i];
    }
    return peer;
  };
}

/** TRUSTED_PROXIES: comma-separated IP addresses; a value that is not one stops the gateway with a message. */
export function parseTrustedProxies(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((address) => !isIP(address));
  if (bad) throw new ConfigError(`TRUSTED_PROXIES must list IP addresses separated by commas, such as 127.0.0.1,::1; "${bad}" is none.`);
  return list;
}
