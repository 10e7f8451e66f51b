import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The text of a .sql file under src/ (the PL/pgSQL of the modules that own
 * it, e.g. rate-limit/sql/), for the migrations that load it. Resolved from
 * the source tree whether this runs compiled (dist/src/common) or not; the
 * image ships those sql folders with the build.
 */
export function sqlFile(pathInSrc: string): string {
  const fromDist = join(__dirname, '..', '..', '..', 'src', pathInSrc);
  const fromSrc = join(__dirname, '..', pathInSrc);
  for (const candidate of [fromDist, fromSrc]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // try the next layout
    }
  }
  throw new Error(`SQL file not found: src/${pathInSrc}`);
}
