/**
 * Substring search that treats the user's text literally on SQLite and MySQL alike.
 * The text is always a bound parameter; `!` is the escape character because a
 * backslash literal is read differently by the two databases.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** `column LIKE :param ESCAPE '!'`, for use with containsPattern. */
export function likeClause(column: string, param: string): string {
  return `${column} LIKE :${param} ESCAPE '!'`;
}
