import { describe, expect, test } from 'vitest';
import { complementsOf, reasonOf } from '../subgraphs/region/relationships/complements.ts';

// The partner-suggestion rule on a fixture of shops the region has.

const groups = (codes: string[]) => complementsOf(codes).map((c) => c.group);

describe('complementary process groups', () => {
  test('a turning shop is complemented by heat treatment, coating and grinding after it, casting and forging before it', () => {
    expect(groups(['3.2.1'])).toEqual(['6.2', '5', '3.3', '1.1', '2.1.3']);
    expect(reasonOf(complementsOf(['3.2.1'])[0].step)).toBe(
      'Spanen mit geometrisch bestimmten Schneiden (yours) → Wärmebehandeln (Härten, Anlassen, Glühen) (theirs)',
    );
    expect(complementsOf(['3.2.1'])[0].step).toEqual({ first: '3.2', next: '6.2', theirsIsNext: true });
  });

  test('the rule holds both ways: a hardening shop is complemented by cutting and grinding shops', () => {
    expect(groups(['6.2'])).toEqual(['3.2', '3.3']);
    expect(reasonOf(complementsOf(['6.2'])[0].step)).toBe(
      'Spanen mit geometrisch bestimmten Schneiden (theirs) → Wärmebehandeln (Härten, Anlassen, Glühen) (yours)',
    );
    expect(complementsOf(['6.2'])[0].step).toEqual({ first: '3.2', next: '6.2', theirsIsNext: false });
    expect(groups(['5.4'])).toEqual(['3.2', '4.6']);
  });

  test('what a member does itself is no complement, and an unrelated process has none', () => {
    expect(groups(['3.2.1', '6.2'])).toEqual(['5', '3.3', '1.1', '2.1.3']);
    expect(groups(['4.8'])).toEqual([]);
    expect(groups([])).toEqual([]);
  });

  test('a forge needs machining and, as a forming shop, welding', () => {
    expect(groups(['2.1.3'])).toEqual(['3.2', '4.6']);
  });
});
