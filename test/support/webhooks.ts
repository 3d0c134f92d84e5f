import { createServer, type Server } from 'node:http';
import { expect } from 'vitest';
import { close, listen } from '../../shared/http.ts';
import { ok, type Stack } from './stack.ts';

/**
 * Webhook receivers on loopback ports, one per key (a member): each answers 204 and keeps the JSON
 * bodies it is sent, in the order they came, in `received[key]`.
 */
export class WebhookReceivers<Delivery> {
  readonly received: Record<string, Delivery[]> = {};
  readonly #servers: Server[] = [];

  /** Starts `key`'s receiver and registers it through the gateway as the webhook of `token` for `events`. */
  async register(stack: Stack, key: string, token: string, events: string[]): Promise<void> {
    const deliveries: Delivery[] = [];
    this.received[key] = deliveries;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        deliveries.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery);
        res.statusCode = 204;
        res.end();
      });
    });
    this.#servers.push(server);
    const url = await listen(server, 0);
    await ok(
      stack.query(
        `mutation($url: String!, $events: [InquiryEventType!]!) { registerWebhook(url: $url, events: $events) { webhook { id } } }`,
        { url, events },
        token,
      ),
    );
  }

  /** Waits until `key`'s receiver holds `count` deliveries: the dispatcher polls every 50 ms in tests. */
  async deliveries(key: string, count: number): Promise<Delivery[]> {
    await expect.poll(() => this.received[key].length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(count);
    return this.received[key];
  }

  async close() {
    await Promise.all(this.#servers.splice(0).map(close));
  }
}
