import { createHash } from 'node:crypto';
import { Db } from '../../db/db';
import { isDuplicateKey } from '../../db/errors';
import { AuditChainHead, AuditEntry, AuditKind } from './entities';

export const GENESIS_HASH = '0'.repeat(64);
/** The chain of entries that belong to no tenant (an unknown username's failed sign-in). */
export const PLATFORM_CHAIN = 0;

/** An entry before it is chained. */
export interface AuditDraft {
  /** The tenant, which is also the chain (PLATFORM_CHAIN for none). */
  tenantId: number;
  tenantCode: string | null;
  kind: AuditKind;
  operation: string;
  outcome: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRoles: string;
  targets: string;
  details: string;
  requestId: string;
  clientAddress: string;
  at: Date;
}

type Chained = AuditDraft & { seq: number; previousHash: string; hash: string };

/** JSON with keys in sorted order, so that the same content always hashes the same. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The hash of an entry: sha256 over the previous hash and the entry's canonical content. */
export function entryHash(entry: Omit<Chained, 'hash'>): string {
  const content = stableJson({
    seq: entry.seq,
    tenantId: entry.tenantId,
    tenantCode: entry.tenantCode,
    kind: entry.kind,
    operation: entry.operation,
    outcome: entry.outcome,
    actorUserId: entry.actorUserId,
    actorUsername: entry.actorUsername,
    actorRoles: entry.actorRoles,
    targets: entry.targets,
    details: entry.details,
    requestId: entry.requestId,
    clientAddress: entry.clientAddress,
    at: entry.at.toISOString(),
  });
  return createHash('sha256').update(`${entry.previousHash}\n${content}`, 'utf8').digest('hex');
}

/**
 * Locks a chain's head for the rest of the transaction (SQLite: transactions are
 * serialised already), making it on first use. Two first writers of one chain may
 * deadlock on MySQL; Db.transaction retries the loser.
 */
async function lockHead(db: Db, chain: number): Promise<AuditChainHead> {
  // Audit rows are not tenant-scoped data: the audit service alone reads and writes them.
  const manager = db.unscoped;
  const read = () => {
    const query = manager.createQueryBuilder(AuditChainHead, 'h').where('h.tenantId = :chain', { chain });
    return (db.dataSource.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write')).getOne();
  };
  const head = await read();
  if (head) return head;
  const fresh = Object.assign(new AuditChainHead(), { tenantId: chain, seq: 0, hash: GENESIS_HASH });
  try {
    await manager.insert(AuditChainHead, fresh);
    return fresh;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Another instance made it meanwhile: wait for its lock like any other writer.
    const made = await read();
    if (!made) throw error;
    return made;
  }
}

/**
 * Appends entries to their chains inside `db`'s transaction: the heads are locked in
 * chain order (no deadlock between two writers), then every entry goes in one INSERT.
 */
export async function appendEntries(db: Db, drafts: AuditDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await db.transaction(async (tx) => {
    const byChain = new Map<number, AuditDraft[]>();
    for (const draft of drafts) {
      const chain = draft.tenantId;
      byChain.set(chain, [...(byChain.get(chain) ?? []), draft]);
    }
    const rows: Chained[] = [];
    for (const chain of [...byChain.keys()].sort((a, b) => a - b)) {
      const head = await lockHead(tx, chain);
      let { seq, hash } = head;
      for (const draft of byChain.get(chain) ?? []) {
        seq += 1;
        const link = { ...draft, seq, previousHash: hash };
        hash = entryHash(link);
        rows.push({ ...link, hash });
      }
      await tx.unscoped.update(AuditChainHead, { tenantId: chain }, { seq, hash });
    }
    await tx.unscoped.insert(AuditEntry, rows);
  });
}
