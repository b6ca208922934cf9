import 'reflect-metadata';
import { GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Values a list read ahead for fields of its rows (issue 12): the relations and the
 * timeline of a page of cases. A field declared here (a module's `fieldsReadAhead`)
 * answers from its row when the row holds its value for the same arguments, before its
 * resolver and type-graphql's per-call wrapper round it run: that wrapper, once per row
 * and field, cost a case list about a sixth of its CPU even when the resolver only
 * handed over a value already read. Only rows a list marked with `putAhead` are
 * answered so; any other row goes through the resolver as before.
 */
const AHEAD = Symbol('fields read ahead');

type WithAhead = { [AHEAD]?: Map<string, unknown> };

/** A field's value's key: its name and the arguments given (null ones are absent, as in null-arguments.ts). */
function keyOf(field: string, args: Record<string, unknown>): string {
  let key = field;
  for (const name in args) {
    const value = args[name];
    if (value !== null && value !== undefined) key += ` ${name}:${JSON.stringify(value)}`;
  }
  return key;
}

/** Keeps on each of `rows` the value of its field `field` for `args` (the row's own in `values`), for the field to answer with. */
export function putAhead(rows: readonly object[], field: string, args: Record<string, unknown>, values: readonly unknown[]): void {
  const key = keyOf(field, args);
  rows.forEach((row, i) => ((row as WithAhead)[AHEAD] ??= new Map()).set(key, values[i]));
}

/** Whether `row` holds a value read ahead for `field` with no arguments. */
export function isAhead(row: object, field: string): boolean {
  return (row as WithAhead)[AHEAD]?.has(field) === true;
}

/**
 * Makes the fields named (type name → field names) answer from what their row holds, if
 * it holds it. A field that has a middleware or roles (a policy) is refused at start-up:
 * answering it so would skip its check.
 */
export function answerFieldsReadAhead(schema: GraphQLSchema, fields: Record<string, readonly string[]>): GraphQLSchema {
  const storage = getMetadataStorage();
  const typeNameOf = (target: Function | undefined) => storage.objectTypes.find((objectType) => objectType.target === target)?.name;
  for (const [typeName, names] of Object.entries(fields)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`fields read ahead: ${typeName} is no object type`);
    const guarded = [
      ...storage.fieldResolvers
        .filter((resolver) => typeNameOf((resolver.getObjectType ?? resolver.resolverClassMetadata?.getObjectType)?.()) === typeName)
        .map((resolver) => ({ ...resolver, name: resolver.schemaName })),
      ...storage.objectTypes.filter((objectType) => objectType.name === typeName).flatMap((objectType) => (objectType.fields ?? []).map((field) => ({ ...field, name: field.schemaName }))),
    ].filter((metadata) => names.includes(metadata.name) && ((metadata.middlewares ?? []).length > 0 || metadata.roles !== undefined));
    if (guarded.length > 0) throw new Error(`fields read ahead: ${typeName}.${guarded[0].name} has a policy`);
    const typeFields = type.getFields();
    for (const name of names) {
      const field = typeFields[name];
      const resolve = field?.resolve;
      if (!resolve) throw new Error(`fields read ahead: ${typeName}.${name} has no resolver`);
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const ahead = (source as WithAhead)[AHEAD];
        if (ahead !== undefined) {
          const key = keyOf(name, args);
          if (ahead.has(key)) return ahead.get(key);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
