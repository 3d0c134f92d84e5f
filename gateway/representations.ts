import type { GraphQLFormattedError } from 'graphql';

// Apollo's gateway sends an entity fetch one representation per place the
// entity appears in the answer so far: ten capacity posts of one member ask
// that member's network for the same `{ __typename, id }` ten times. The
// subgraph's DataLoaders spare the SQL, but every copy still travels, is
// parsed, resolved and serialised. So the gateway sends each distinct
// representation once and spreads the answer back over the places that asked.

export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  [key: string]: unknown;
}

export interface CollapsedRepresentations {
  /** The distinct representations, in order of first appearance. */
  representations: unknown[];
  /** The subgraph's answer for the distinct representations, as the plan expects it for all of them. */
  expand(answer: SubgraphAnswer): SubgraphAnswer;
}

/** Undefined when every representation is distinct already: the request goes out as it is. */
export function collapseRepresentations(representations: readonly unknown[]): CollapsedRepresentations | undefined {
  const slotOf = new Map<string, number>();
  const distinct: unknown[] = [];
  // slots[i]: the distinct representation that place i asked for.
  const slots = representations.map((representation) => {
    // The gateway builds every representation of one fetch with the same key order, so equal ones serialise equally.
    const key = JSON.stringify(representation);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = distinct.push(representation) - 1;
      slotOf.set(key, slot);
    }
    return slot;
  });
  if (distinct.length === representations.length) return undefined;
  return { representations: distinct, expand: (answer) => expandAnswer(answer, slots, distinct.length) };
}

function expandAnswer(answer: SubgraphAnswer, slots: number[], sent: number): SubgraphAnswer {
  const entities = answer.data?._entities;
  // An answer of the wrong length goes back as it is, for the gateway to refuse ("Expected data._entities to contain ...").
  if (Array.isArray(entities) && entities.length !== sent) return answer;
  const expanded: SubgraphAnswer = { ...answer };
  if (Array.isArray(entities)) {
    const handedOut = new Set<number>();
    // The gateway merges later fetches into these objects in place, so no two places may share one.
    const placed = slots.map((slot) => {
      const entity = entities[slot] as unknown;
      if (!handedOut.has(slot)) {
        handedOut.add(slot);
        return entity;
      }
      return typeof entity === 'object' && entity !== null ? structuredClone(entity) : entity;
    });
    expanded.data = { ...answer.data, _entities: placed };
  }
  if (answer.errors) {
    const placesOf = new Map<number, number[]>();
    slots.forEach((slot, place) => placesOf.set(slot, [...(placesOf.get(slot) ?? []), place]));
    // An error at _entities[slot] belongs to every place that asked for that representation.
    expanded.errors = answer.errors.flatMap((error) => {
      const [root, slot, ...rest] = error.path ?? [];
      if (root !== '_entities' || typeof slot !== 'number' || !placesOf.has(slot)) return [error];
      return placesOf.get(slot)!.map((place) => ({ ...error, path: ['_entities', place, ...rest] }));
    });
  }
  return expanded;
}
