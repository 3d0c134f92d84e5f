import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

// The gateway's own GET /ready says whether it can serve (its supergraph is loaded before it listens): region owns members, member, networks,
// inquiries and the capacity exchange, so with region hung or gone almost every operation fails and
// the gateway reports 503 (a hung region once left it answering 200 while nothing was served). A
// network that is down only takes its share out of partial answers; that stays 200.

/**
 * Answers within `timeoutMs`: true, or why region cannot serve. With node:http, not fetch: the first fetch
 * loaded undici into the gateway, 0.19 s of its CPU (profiled) while `npm start` polls it and five services
 * start on two cores, and each later one builds streams and a Response for a status code.
 */
export function gatewayHealth(regionGraphqlUrl: string, timeoutMs: number): () => Promise<true | string> {
  const url = new URL('/ready', regionGraphqlUrl);
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return () =>
    new Promise((resolve) => {
      // A connection of its own each time: a kept-alive one that region closed as idle meanwhile (its keep-alive
      // timeout is 5 s, a balancer's interval about as long) would fail the check of a region that is fine.
      const request = get(url, { agent: false }, (response) => {
        clearTimeout(timer);
        response.resume();
        resolve(response.statusCode === 200 ? true : 'region is not ready');
      });
      // The whole answer within the budget, as a hung region accepts the connection and then says nothing.
      const timer = setTimeout(() => {
        resolve(`region did not answer within ${timeoutMs} ms`);
        request.destroy();
      }, timeoutMs);
      request.on('error', () => {
        clearTimeout(timer);
        resolve('region is unreachable');
      });
    });
}
