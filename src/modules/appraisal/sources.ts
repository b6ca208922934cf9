import { Db } from '../../db/db';
import { User } from '../tenancy/entities';
import { Window } from '../windows/entities';
import { FigureTable } from './figures';
import type { PeriodSpan } from './draft';

/**
 * The STAFF figures of a period, one aggregate statement per source module, and the
 * people barred from EXCELLENT that year.
 */
export async function staffFigures(_db: Db, _span: PeriodSpan, _people: readonly User[], _windows: readonly Window[]): Promise<{ figures: { staff: FigureTable }; barred: Set<number> }> {
  return { figures: { staff: new Map() }, barred: new Set() };
}

/** A window's own figures: empty posts at it, notices of its department. */
export async function windowFigures(_db: Db, _span: PeriodSpan, _windows: readonly Window[]): Promise<FigureTable> {
  return new Map();
}
