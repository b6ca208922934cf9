import 'reflect-metadata';
import { GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql gives every field a resolver that runs the field's middlewares, even for a
 * field with none: an object and two calls per field of every row of a list (issue 12).
 * A field with no middleware, no role, no field resolver and the same name in the schema
 * as on its class reads the property exactly as GraphQL's default resolver does, so it
 * gets no resolver at all (graphql-jit then reads it inline). Guarded fields keep theirs:
 * their policy is a middleware; so do renamed ones such as Node's `id` (`globalId`), and
 * properties declared as promises (a connection's lazy `totalCount`), which graphql-jit
 * reads inline without awaiting.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const resolvedByMethod = new Set(storage.fieldResolvers.map((resolver) => resolver.methodName));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const plain =
        field.name === field.schemaName &&
        (field.middlewares ?? []).length === 0 &&
        field.roles === undefined &&
        !resolvedByMethod.has(field.name) &&
        Reflect.getMetadata('design:type', field.target.prototype, field.name) !== Promise;
      if (plain && fields[field.schemaName]) fields[field.schemaName].resolve = undefined;
    }
  }
  return schema;
}
