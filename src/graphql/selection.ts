import {
  FieldNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';

/**
 * The names of the fields selected at `path` below the field being resolved (for a
 * connection, `['edges', 'node']`), through fragments and inline fragments, leaving out
 * what `@skip` / `@include` leave out: what a list resolver may load ahead for its rows.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  return new Set(fieldNodesAt(info, path).map((field) => field.name.value));
}

/** The field nodes selected at `path`, as `selectedFieldsAt` finds them. */
function fieldNodesAt(info: GraphQLResolveInfo, path: string[]): FieldNode[] {
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
  return level.flatMap((field) => fieldsOf(field.selectionSet));
}

/** The object type of the rows at `path` below the field being resolved, if they are objects. */
function typeAt(info: GraphQLResolveInfo, path: string[]): GraphQLObjectType | null {
  let type = getNamedType(info.returnType);
  for (const name of path) {
    if (!isObjectType(type)) return null;
    type = getNamedType(type.getFields()[name]?.type);
  }
  return isObjectType(type) ? type : null;
}

/**
 * The arguments, as the field's resolver would get them, of each selection of the field
 * `name` at `path` (aliases make several): what a list reading that field ahead for its
 * rows must read. Null when they cannot be read (the field then reads them itself).
 */
export function argumentsSelectedAt(info: GraphQLResolveInfo, path: string[], name: string): Record<string, unknown>[] | null {
  const definition = typeAt(info, path)?.getFields()[name];
  if (!definition) return null;
  try {
    return fieldNodesAt(info, path)
      .filter((field) => field.name.value === name)
      .map((field) => getArgumentValues(definition, field, info.variableValues));
  } catch {
    return null;
  }
}

/**
 * The entity properties the rows at `path` (below the field being resolved) need for
 * their selected fields, or null when one of those fields may read any property: a field
 * with a resolver (a guarded field's policy, a computed field) not named in `resolved`.
 * A plain field (no resolver: GraphQL reads the property of its name, src/graphql/plain-fields.ts)
 * needs its own property; `resolved` names what each of the type's other fields reads.
 * A list that reads only these columns skips the rest of each row (issue 12).
 */
export function propertiesSelectedAt(info: GraphQLResolveInfo, path: string[], resolved: Record<string, readonly string[]>): string[] | null {
  const type = typeAt(info, path);
  if (!type) return null;
  const fields = type.getFields();
  const properties = new Set<string>();
  for (const name of selectedFieldsAt(info, path)) {
    if (name.startsWith('__')) continue;
    const needs = Object.hasOwn(resolved, name) ? resolved[name] : fields[name]?.resolve === undefined ? [name] : null;
    if (needs === null) return null;
    for (const property of needs) properties.add(property);
  }
  return [...properties];
}
