import { parse, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { included } from '../../../shared/selection.ts';
import type { RegionContext } from '../context.ts';
import { networkPages } from '../pages.ts';
import { memberRef } from '../ids.ts';
import { findNetwork } from '../../../shared/networks.ts';

// Region answers a page of members with their fields, read by each network in the same search (internal API 1.8,
// Hit.member), rather than with references the gateway resolves at the owners in a second round of requests: that
// round cost the stack about 3 ms of CPU per search (0.8 in each network, 0.8 at the gateway; bench/README, "What is
// left of a search's CPU"). MemberEdge.node declares these fields with @provides (schema.ts), so the gateway asks
// region for them and sends the networks no entity fetch for a page of members. The networks answer them as their
// subgraphs would, to the caller whose identity region passes on: contact persons by the same rule.

/**
 * The fields, as a selection of a network's member type: every field the networks own but the key. Region knows the
 * network itself; the networks answer the rest (the internal API's HitMember has the same fields).
 */
const askedOfNetworks =
  'name street postalCode city location { latitude longitude } website employees description materials ' +
  'processes { code name mainGroup path } certifications { standard number validUntil valid daysLeft } ' +
  'services { id title description processes { code name mainGroup path } } contacts { id name role email phone } ' +
  'archivedAt version createdAt updatedAt';
export const providedMemberFields = `network { code } ${askedOfNetworks}`;

/** The internal API version that brought Hit.member. */
export const memberFieldsSince = '1.8';

/** Field names and the fields below them; a leaf has none. */
type Fields = Map<string, Fields>;

function fieldsOf(set: SelectionSetNode | undefined): Fields {
  return new Map((set?.selections ?? []).flatMap((s) => (s.kind === 'Field' ? [[s.name.value, fieldsOf(s.selectionSet)] as const] : [])));
}

const provided = fieldsOf((parse(`{ ${askedOfNetworks} }`).definitions[0] as OperationDefinitionNode).selectionSet);

/**
 * What the client asked of the provided fields of each edge's node, as a selection to ask the networks for (without
 * aliases, so each value sits under its field's name, where region's resolvers read it); null when it asked none.
 * Looks through fragments and leaves out what @skip or @include drop, as execution does.
 */
export function providedFieldsAsked(info: GraphQLResolveInfo): string | null {
  /** The selections of the fields named `name` in `set`, through fragments. */
  const below = (set: SelectionSetNode | undefined, name: string): SelectionSetNode[] =>
    (set?.selections ?? []).flatMap((s) => {
      if (!included(s, info.variableValues)) return [];
      if (s.kind === 'Field') return s.name.value === name && s.selectionSet ? [s.selectionSet] : [];
      return below(s.kind === 'InlineFragment' ? s.selectionSet : info.fragments[s.name.value]?.selectionSet, name);
    });
  const asked: Fields = new Map();
  const collect = (set: SelectionSetNode | undefined, allowed: Fields, into: Fields) => {
    for (const s of set?.selections ?? []) {
      if (!included(s, info.variableValues)) continue;
      if (s.kind !== 'Field') {
        collect(s.kind === 'InlineFragment' ? s.selectionSet : info.fragments[s.name.value]?.selectionSet, allowed, into);
        continue;
      }
      const sub = allowed.get(s.name.value);
      if (!sub) continue;
      const fields = into.get(s.name.value) ?? new Map();
      into.set(s.name.value, fields);
      collect(s.selectionSet, sub, fields);
    }
  };
  for (const field of info.fieldNodes)
    for (const edges of below(field.selectionSet, 'edges')) for (const node of below(edges, 'node')) collect(node, provided, asked);
  const text = (fields: Fields, allowed: Fields): string =>
    [...fields]
      .map(([name, sub]) => {
        if (allowed.get(name)!.size === 0) return name;
        // An object field asked with none of its provided fields (only __typename): its type's name keeps it valid.
        return `${name} { ${sub.size ? text(sub, allowed.get(name)!) : '__typename'} }`;
      })
      .join(' ');
  return asked.size ? text(asked, provided) : null;
}

/** A hit's member as region answers it: its network from the registry, the rest as its network answered it with the hit. */
export const memberNode = (hit: { network: string; localId: number; member?: Record<string, unknown> | null }) => ({
  ...memberRef(hit.network, hit.localId),
  network: findNetwork(hit.network),
  ...hit.member,
});

/**
 * The fields of the hits a network before 1.8 answered without them, at its subgraph endpoint: one call per such
 * network. One that fails here leaves its hits without fields, which the page then leaves out, and its error at
 * `path`, as a network whose search failed.
 */
export async function withMemberFields(
  ctx: RegionContext,
  hits: { network: string; localId: number; member?: Record<string, unknown> | null }[],
  fields: string,
  path?: readonly (string | number)[],
) {
  const lacking = Map.groupBy(
    hits.filter((hit) => hit.member === undefined),
    (hit) => hit.network,
  );
  const answered = await networkPages(
    ctx,
    [...lacking.keys()],
    (code) =>
      ctx.client(code).entities(
        lacking.get(code)!.map((hit) => hit.localId),
        fields,
        ctx.identityHeader,
      ),
    path,
  );
  for (const { code, page } of answered)
    lacking.get(code)!.forEach((hit, i) => {
      hit.member = page[i];
    });
}
