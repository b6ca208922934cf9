import jwt from 'jsonwebtoken';
import { Config } from '../config';

/** Issuer and audience of our tokens; a token for another audience is refused. */
export const TOKEN_ISSUER = 'gov-service-api';
export const TOKEN_AUDIENCE = 'gov-service-api';
/** Pinned: `alg: none` and every other algorithm are refused by verify. */
const ALGORITHM = 'HS256';

export interface TokenClaims {
  userId: number;
  tokenVersion: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export function signToken(config: Config, claims: TokenClaims, now = new Date()): IssuedToken {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAtSeconds = issuedAt + config.jwtTtlSeconds;
  const token = jwt.sign({ tv: claims.tokenVersion, iat: issuedAt, exp: expiresAtSeconds }, config.jwtSecret, {
    algorithm: ALGORITHM,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    subject: String(claims.userId),
  });
  return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
}

/** Verifies signature, algorithm, issuer, audience and expiry; null when any fails. */
export function verifyToken(config: Config, token: string): TokenClaims | null {
  try {
    const payload = jwt.verify(token, config.jwtSecret, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
    if (typeof payload === 'string') return null;
    const userId = Number(payload.sub);
    const tokenVersion = payload.tv;
    if (!Number.isSafeInteger(userId) || userId <= 0 || !Number.isSafeInteger(tokenVersion)) return null;
    return { userId, tokenVersion: tokenVersion as number };
  } catch {
    return null;
  }
}
