import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected the field at this path below the current one
 * (`'totalCount'`, or `'facets', 'certifications'`), looking through
 * fragments and leaving out what @skip or @include drop for this request's
 * variables, as execution does. Lets a resolver skip work nobody asked for.
 */
export function selectsField(info: GraphQLResolveInfo, ...path: [string, ...string[]]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number): boolean =>
    !!set?.selections.some((s) => {
      if (!included(s, info.variableValues)) return false;
      if (s.kind === 'Field') return s.name.value === path[depth] && (depth === path.length - 1 || visit(s.selectionSet, depth + 1));
      if (s.kind === 'InlineFragment') return visit(s.selectionSet, depth);
      return visit(info.fragments[s.name.value]?.selectionSet, depth);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0));
}

/** Whether a selection stays in for these variables: neither @skip(if: true) nor @include(if: false) on it. */
export function included(node: SelectionNode, variables: GraphQLResolveInfo['variableValues']): boolean {
  // Most selections carry no directive: no lookup for them.
  if (!node.directives?.length) return true;
  return getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}
