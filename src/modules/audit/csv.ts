import { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { buildContext, ContextDeps } from '../../context';
import { AuditEntry } from './entities';
import { AuditLogFilter } from './inputs';
import { exportRows } from './service';
import { AppError, BadUserInputError } from '../../graphql/errors';
import { messages } from '../../graphql/messages';
import { auditMessages as m } from './messages';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes
 * doubled. A leading = + - @ is prefixed with ' so that a spreadsheet shows it as text
 * instead of running it as a formula. (No CSV package is installed; this is the whole writer.)
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS: [string, (entry: AuditEntry) => unknown][] = [
  ['tenantCode', (e) => e.tenantCode],
  ['seq', (e) => e.seq],
  ['at', (e) => e.at],
  ['kind', (e) => e.kind],
  ['operation', (e) => e.operation],
  ['outcome', (e) => e.outcome],
  ['actorUsername', (e) => e.actorUsername],
  ['actorRoles', (e) => e.actorRoles],
  ['targetIds', (e) => e.targetIds.join(' ')],
  ['details', (e) => e.details],
  ['requestId', (e) => e.requestId],
  ['clientAddress', (e) => e.clientAddress],
  ['previousHash', (e) => e.previousHash],
  ['hash', (e) => e.hash],
];

export function auditCsv(entries: AuditEntry[]): string {
  const line = (fields: unknown[]) => `${fields.map(csvField).join(',')}\r\n`;
  // The byte-order mark lets spreadsheets read the Chinese text as UTF-8.
  return `\uFEFF${line(COLUMNS.map(([name]) => name))}${entries.map((entry) => line(COLUMNS.map(([, value]) => value(entry)))).join('')}`;
}

function dateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new BadUserInputError(messages.instant(name), name);
  return date;
}

function textParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * GET /audit.csv?from=&to=&operation=&outcome=&actorUsername=&targetId=&tenantCode= with
 * the bearer token: the filtered entries the viewer may read, for an inspection (审计检查).
 */
export function auditCsvExport(deps: ContextDeps): RequestHandler {
  return async (req, res) => {
    try {
      const ctx = await buildContext(deps, { requestId: String(req.id), clientIp: req.ip ?? 'unknown', authorization: req.headers.authorization });
      const q = req.query;
      const filter: AuditLogFilter = {
        actorUsername: textParam(q.actorUsername),
        operation: textParam(q.operation),
        outcome: textParam(q.outcome),
        targetId: textParam(q.targetId),
        tenantCode: textParam(q.tenantCode),
        from: dateParam(q.from, 'from'),
        to: dateParam(q.to, 'to'),
      };
      if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', m.signInToExport, {}, 401);
      const rows = await exportRows(ctx, filter);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="audit-log.csv"');
      res.send(auditCsv(rows));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const code = String(error.extensions.code);
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400;
      res.status(status).json({ errors: [{ message: error.message, extensions: { code } }] });
    }
  };
}
