/**
 * Hot-path queries compiled once per database and run many times with fresh
 * parameters. Building and compiling a Kysely query costs more than SQLite
 * takes to answer it; the authentication look-ups run on every request.
 *
 * `build` receives placeholder values and must pass them to the query in
 * the same order as `parameters` is given at run time (check the compiled
 * SQL in a test when in doubt). Compiled SQL differs per engine, so the cache
 * is kept per database instance; transactions compile afresh.
 */
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Executor } from './executor.js';

export function compiledOnce<Row, P extends readonly unknown[]>(
  build: (executor: Executor, ...placeholders: P) => Compilable<Row>,
  placeholders: P,
): (executor: Executor, ...parameters: P) => Promise<QueryResult<Row>> {
  const cache = new WeakMap<Executor, CompiledQuery<Row>>();
  return (executor, ...parameters) => {
    let compiled = cache.get(executor);
    if (!compiled) {
      compiled = build(executor, ...placeholders).compile();
      if (compiled.parameters.length !== parameters.length) {
        throw new Error(
          `compiledOnce: the query takes ${compiled.parameters.length} parameters, not ${parameters.length}`,
        );
      }
      cache.set(executor, compiled);
    }
    return executor.executeQuery<Row>({ ...compiled, parameters });
  };
}
