import { ApolloServerPlugin } from '@apollo/server';
import { ArgumentNode, ObjectFieldNode, StringValueNode, ValueNode, VariableNode, visit } from 'graphql';
import { RequestContext } from '../context';
import { Message } from './language';
import { messages } from './messages';
import { InputCheck } from '../validation/input-check';

/**
 * One text rule for every input, present and future (names, notes, addresses, search
 * strings …): NFC-normalised, and refused when it holds a control character (tab and
 * line breaks are text), a bidirectional override or isolate (which make text read
 * differently from what is stored: "Trojan Source"), or a lone surrogate.
 */
/** Unicode's control characters (C0, DEL, C1) but tab, line feed and carriage return. */
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text, as the message for its field, or null. */
function textProblem(text: string): ((field: string) => Message) | null {
  if (LONE_SURROGATE.test(text)) return messages.loneSurrogate;
  if (CONTROL.test(text)) return messages.controlCharacter;
  if (BIDI_OVERRIDE.test(text)) return messages.bidiOverride;
  return null;
}

/** The text normalised; a problem is recorded against `field`. */
function checked(text: string, field: string, check: InputCheck): string {
  const problem = textProblem(text);
  if (problem) check.that(false, field, problem(field));
  return text.normalize('NFC');
}

/** Normalises every string in a variable's value, returning the new value. */
function normaliseValue(value: unknown, field: string, check: InputCheck): unknown {
  if (typeof value === 'string') return checked(value, field, check);
  if (Array.isArray(value)) return value.map((item, i) => normaliseValue(item, `${field}[${i}]`, check));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = normaliseValue(record[key], `${field}.${key}`, check);
  }
  return value;
}

/** Calls `each` for every variable and string literal inside an argument's value, with its path (`input.applicantName`). */
function walkValue(node: ValueNode, path: string, each: (node: VariableNode | StringValueNode, path: string) => void): void {
  if (node.kind === 'Variable' || node.kind === 'StringValue') each(node, path);
  if (node.kind === 'ObjectValue') node.fields.forEach((field: ObjectFieldNode) => walkValue(field.value, `${path}.${field.name.value}`, each));
  if (node.kind === 'ListValue') node.values.forEach((value) => walkValue(value, path, each));
}

export const textInputGuard: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        // Literals are checked, and normalised in place (the parsed document is cached per
        // query text, and normalising twice changes nothing); variables are named by the
        // argument path where they are used.
        // Every bad text is reported at once.
        const check = new InputCheck();
        const variableFields = new Map<string, string>();
        visit(document, {
          Argument(argument: ArgumentNode) {
            walkValue(argument.value, argument.name.value, (node, path) => {
              if (node.kind === 'StringValue') (node as { value: string }).value = checked(node.value, path, check);
              else if (!variableFields.has(node.name.value)) variableFields.set(node.name.value, path);
            });
          },
        });
        const variables = request.variables ?? {};
        for (const name of Object.keys(variables)) variables[name] = normaliseValue(variables[name], variableFields.get(name) ?? name, check);
        // Refused before execution: a 400, like any other request that cannot run.
        check.done(400);
      },
    };
  },
};
