/** A LIKE pattern matching `term` anywhere, with the user's wildcards escaped (use with `escape '\'`). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
