import pino, { Logger } from 'pino';
import { LogLevel } from './config';

/**
 * Structured JSON logs. Authorization headers, tokens and passwords are redacted
 * wherever they appear in a logged object.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'gov-service-api' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        'variables.input.password',
        'variables.input.newPassword',
        'variables.input.currentPassword',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
