import DataLoader from 'dataloader';

/** A DataLoader of rows by id: one query for all ids asked in a tick; null for a missing or invisible row. */
export function byIdLoader<T extends { id: number }>(load: (ids: number[]) => Promise<T[]>): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = new Map((await load([...new Set(ids)])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/**
 * What a by-id loader's name adds for rows read with only some properties (a list's
 * selection, src/graphql/selection.ts): such rows get a loader of their own, so a row
 * read whole is never served from one read in part.
 */
export function propertiesKey(properties: readonly string[] | null | undefined): string {
  return properties ? `:only:${properties.join()}` : '';
}

/** A DataLoader of row lists by a key (children by parent id): one query for all keys asked in a tick. */
export function groupedLoader<T>(load: (keys: number[]) => Promise<T[]>, keyOf: (row: T) => number): DataLoader<number, T[]> {
  return new DataLoader<number, T[]>(async (keys) => {
    const groups = groupBy(await load([...new Set(keys)]), keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function groupBy<T>(rows: T[], keyOf: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row));
    if (list) list.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}
