import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestHandler } from 'express';

/** The languages of messages: Chinese for the people at the screens (the default), English for developers. */
export type Language = 'zh' | 'en';

/** A message in both languages; services throw these, and the response picks one (README, "Errors and languages"). */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

/** Builds a catalogue entry. Catalogue functions take strings and numbers (callers join lists). */
export function message(zh: string, en: string): Message {
  return { zh, en };
}

/**
 * The language an `Accept-Language` header prefers: `en` when an English tag (`en`,
 * `en-US`, …) ranks above every Chinese one by q-value, then by order; Chinese otherwise,
 * including for a missing header or one that names neither.
 */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find((m) => m !== null);
      return { primary: tag.split('-')[0].trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => (entry.primary === 'zh' || entry.primary === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.primary === 'en' ? 'en' : 'zh';
}

/**
 * The request's language, chosen once from its header and held for the whole request, so
 * that the error formatter renders every error of the response in it, including errors
 * raised before a request context exists (a bad token), which Apollo formats without one.
 */
const requestLanguage = new AsyncLocalStorage<Language>();

export const inRequestLanguage: RequestHandler = (req, _res, next) => {
  requestLanguage.run(preferredLanguage(req.headers['accept-language']), next);
};

export function currentLanguage(): Language {
  return requestLanguage.getStore() ?? 'zh';
}

/** Runs `fn` in a language chosen elsewhere (a WebSocket connection's, for its errors). */
export function inLanguage<T>(language: Language, fn: () => T): T {
  return requestLanguage.run(language, fn);
}
