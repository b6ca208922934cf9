import { FieldNode, getDirectiveValues, GraphQLIncludeDirective, GraphQLResolveInfo, GraphQLSkipDirective, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected at `path` below the field being resolved (for a
 * connection, `['edges', 'node']`), through fragments and inline fragments, leaving out
 * what `@skip` / `@include` leave out: what a list resolver may load ahead for its rows.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const included = (node: FieldNode | { directives?: FieldNode['directives'] }) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;

  const fieldsOf = (selectionSet: SelectionSetNode | undefined, out: FieldNode[] = []): FieldNode[] => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, out);
      else fieldsOf(info.fragments[selection.name.value]?.selectionSet, out);
    }
    return out;
  };

  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) level = level.flatMap((field) => fieldsOf(field.selectionSet)).filter((field) => field.name.value === name);
  return new Set(level.flatMap((field) => fieldsOf(field.selectionSet)).map((field) => field.name.value));
}
