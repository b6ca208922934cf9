import { BadUserInputError } from './errors';
import { messages } from './messages';

/**
 * Opaque Relay global ids: base64url("<Type>:<database id>"). Clients must treat them
 * as opaque; the encoding only has to be stable and reversible.
 */
export function encodeGlobalId(typeName: string, id: number | string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  typeName: string;
  id: number;
}

/** Decodes a global id; a malformed one is BAD_USER_INPUT naming `field`. */
export function decodeGlobalId(globalId: string, field = 'id'): DecodedGlobalId {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId)
    ? Buffer.from(globalId, 'base64url').toString('utf8')
    : '';
  const match = /^([A-Z][A-Za-z]{0,63}):([1-9]\d{0,15})$/.exec(decoded);
  if (!match || !Number.isSafeInteger(Number(match[2]))) {
    throw new BadUserInputError(messages.invalidGlobalId(field), field);
  }
  return { typeName: match[1], id: Number(match[2]) };
}

/** Decodes a global id that must name `typeName`; another type is BAD_USER_INPUT too. */
export function decodeGlobalIdOf(typeName: string, globalId: string, field: string): number {
  const decoded = decodeGlobalId(globalId, field);
  if (decoded.typeName !== typeName) {
    throw new BadUserInputError(messages.globalIdOfType(field, typeName), field);
  }
  return decoded.id;
}
