import { ok, type Stack } from './stack.ts';

/** A valid inquiry: a turned shaft, delivered in Mühlhausen in 40 days, quotes due in 10. */
export function inquiryInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Welle',
    partDescription: 'Nach Zeichnung',
    processes: ['3.2.1'],
    quantities: [{ quantity: 100 }],
    deliveryLocation: { postalCode: '99974' },
    deliveryDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
    quoteDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    ...overrides,
  };
}

/** Creates an inquiry through the gateway as the owner of `token` and returns its id. */
export async function createInquiry(stack: Stack, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const data = await ok(stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }`, { input: inquiryInput(overrides) }, token));
  return data.createInquiry.id;
}
