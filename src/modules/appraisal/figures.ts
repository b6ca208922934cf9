import { AppraisalEventKind, AppraisalItemMode, AppraisalRuleItem, AppraisalSource } from './entities';
import { SanctionKind } from '../complaints/entities';

/** One subject's figures from one source: events counted, those that met a rate, and the events behind the line. */
export interface Figure {
  count: number;
  met: number | null;
  eventKind: AppraisalEventKind | null;
  eventIds: number[];
}

/** Figures of a period by source key (see sourceKey), then by subject id. */
export type FigureTable = Map<string, Map<number, Figure>>;

/** A SANCTION item counts one kind; every other source is one key. */
export function sourceKey(source: AppraisalSource, sanctionKind?: SanctionKind | null): string {
  return sanctionKind ? `${source}:${sanctionKind}` : source;
}

/** Figures from event rows (one row per event: its id and the subject it counts against). */
export function eventFigures(kind: AppraisalEventKind, rows: readonly { id: number; subjectId: number }[]): Map<number, Figure> {
  const figures = new Map<number, Figure>();
  for (const row of rows) {
    const figure = figures.get(row.subjectId) ?? { count: 0, met: null, eventKind: kind, eventIds: [] };
    figure.count += 1;
    figure.eventIds.push(row.id);
    figures.set(row.subjectId, figure);
  }
  return figures;
}

/** Figures from an aggregate of a rate (per subject: events counted and those that met it). */
export function rateFigures(rows: readonly { subjectId: number; total: number; met: number }[]): Map<number, Figure> {
  return new Map(rows.map((row) => [row.subjectId, { count: row.total, met: row.met, eventKind: null, eventIds: [] }]));
}

/** The points of one item for one subject, in hundredths, within the item's cap. */
export function pointsOf(item: AppraisalRuleItem, figure: Figure | undefined): number {
  if (!figure || figure.count === 0) return 0;
  const raw =
    item.mode === AppraisalItemMode.RATE
      ? // The subject loses the share of the item's weight it missed.
        -Math.round((item.pointsCenti * (figure.count - (figure.met ?? 0))) / figure.count)
      : item.pointsCenti * figure.count;
  if (item.capCenti === null) return raw;
  return Math.max(-item.capCenti, Math.min(item.capCenti, raw));
}
