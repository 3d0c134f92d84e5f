import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client selected the field at this path below the current one
 * (`'totalCount'`, or `'facets', 'certifications'`), looking through
 * fragments. Lets a resolver skip work nobody asked for.
 */
export function selectsField(info: GraphQLResolveInfo, ...path: [string, ...string[]]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === path[depth] && (depth === path.length - 1 || visit(s.selectionSet, depth + 1));
      if (s.kind === 'InlineFragment') return visit(s.selectionSet, depth);
      return visit(info.fragments[s.name.value]?.selectionSet, depth);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0));
}
