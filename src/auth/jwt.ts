import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

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

/**
 * Signs and verifies our access tokens. The secret becomes a KeyObject once, so
 * jsonwebtoken does not re-read it as a key on every verify.
 */
export class TokenService {
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(claims: TokenClaims, now = new Date()): IssuedToken {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAtSeconds = issuedAt + this.ttlSeconds;
    const token = jwt.sign({ tv: claims.tokenVersion, iat: issuedAt, exp: expiresAtSeconds }, this.key, {
      algorithm: ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      subject: String(claims.userId),
    });
    return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
  }

  /** Verifies signature, algorithm, issuer, audience and expiry (which must be present); null when any fails. */
  verify(token: string): TokenClaims | null {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: [ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
      // jsonwebtoken accepts a token without `exp`; ours never lack one.
      if (typeof payload === 'string' || typeof payload.exp !== 'number') return null;
      const userId = Number(payload.sub);
      const tokenVersion = payload.tv;
      if (!Number.isSafeInteger(userId) || userId <= 0 || !Number.isSafeInteger(tokenVersion)) return null;
      return { userId, tokenVersion: tokenVersion as number };
    } catch {
      return null;
    }
  }
}
