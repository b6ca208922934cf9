import { defaultFieldResolver, GraphQLSchema, isNonNullType, isObjectType } from 'graphql';

/**
 * Explicit null for an optional argument means the same as leaving it out: generated
 * clients send `filter: null` for "no filter". Done once here, for every field that has
 * optional arguments, so no resolver or service has to remember it. Fields without
 * optional arguments (almost all of them) are left as they are, at no cost.
 */
export function treatNullArgumentsAsAbsent(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const optional = field.args.filter((arg) => !isNonNullType(arg.type)).map((arg) => arg.name);
      if (optional.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        if (!optional.some((name) => args[name] === null)) return resolve(source, args, context, info);
        const present = Object.fromEntries(Object.entries(args).filter(([name, value]) => value !== null || !optional.includes(name)));
        return resolve(source, present, context, info);
      };
    }
  }
  return schema;
}
