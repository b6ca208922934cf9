import { ApolloServerPlugin } from '@apollo/server';
import { ArgumentNode, DocumentNode, ObjectFieldNode, StringValueNode, ValueNode, visit } from 'graphql';
import { RequestContext } from '../context';
import { AppError } from './errors';

/**
 * One text rule for every input, present and future (names, notes, addresses, search
 * strings …): NFC-normalised, and refused when it holds a control character (tab and
 * line breaks are text), a bidirectional override or isolate (which make text read
 * differently from what is stored: "Trojan Source"), or a lone surrogate.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text, or null. */
export function textProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'holds a lone surrogate (broken Unicode)';
  if (CONTROL.test(text)) return 'holds a control character';
  if (BIDI_OVERRIDE.test(text)) return 'holds a bidirectional override';
  return null;
}

function checked(text: string, field: string): string {
  const problem = textProblem(text);
  // Refused before execution: a 400, like any other request that cannot run.
  if (problem) throw new AppError('BAD_USER_INPUT', `"${field}" ${problem}`, { field }, 400);
  return text.normalize('NFC');
}

/** Normalises every string in a variable's value, returning the new value. */
function normaliseValue(value: unknown, field: string): unknown {
  if (typeof value === 'string') return checked(value, field);
  if (Array.isArray(value)) return value.map((item, i) => normaliseValue(item, `${field}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = normaliseValue(record[key], `${field}.${key}`);
  }
  return value;
}

/** Where each variable is used, as the argument path a client recognises (`input.applicantName`). */
function variableFields(document: DocumentNode): Map<string, string> {
  const fields = new Map<string, string>();
  const walk = (node: ValueNode, path: string) => {
    if (node.kind === 'Variable' && !fields.has(node.name.value)) fields.set(node.name.value, path);
    if (node.kind === 'ObjectValue') node.fields.forEach((f: ObjectFieldNode) => walk(f.value, `${path}.${f.name.value}`));
    if (node.kind === 'ListValue') node.values.forEach((v) => walk(v, path));
  };
  visit(document, { Argument: (argument: ArgumentNode) => walk(argument.value, argument.name.value) });
  return fields;
}

export const textInputGuard: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const variables = request.variables;
        if (variables) {
          const fields = variableFields(document);
          for (const name of Object.keys(variables)) variables[name] = normaliseValue(variables[name], fields.get(name) ?? name);
        }
        // Literals in the document: checked, and normalised in place. The parsed document is
        // cached per query text, and normalising twice changes nothing.
        visit(document, {
          Argument(argument: ArgumentNode) {
            visit(argument, {
              StringValue(node: StringValueNode) {
                (node as { value: string }).value = checked(node.value, argument.name.value);
              },
            });
          },
        });
      },
    };
  },
};
