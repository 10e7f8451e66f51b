#!/usr/bin/env node
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { mfaDataSourceOptions, runMigrations } from './database/data-source';

const USAGE = `Usage: nest-sms-mfa migrate --database-url postgres://user@host:5432/db

Applies the module's pending migrations (idempotent; under an advisory lock, so
two instances may run it at once). The URL may also come from MFA_DATABASE_URL.`;

/** The command line of the package's `bin`: `nest-sms-mfa migrate --database-url …`. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  const flag = rest.indexOf('--database-url');
  const url = (flag >= 0 ? rest[flag + 1] : undefined) ?? env.MFA_DATABASE_URL;
  if (command !== 'migrate' || !url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(USAGE);
    return 2;
  }
  // Two connections: one holds the migration lock while TypeORM migrates on the other.
  const dataSource = await new DataSource(mfaDataSourceOptions(url, 2)).initialize();
  try {
    const applied = await runMigrations(dataSource);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (err: Error) => {
      // The driver's message may quote the URL or a row: the error's class and, if it is one, its SQLSTATE or errno name.
      const code = (err as { code?: unknown }).code;
      const known = typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? ` (${code})` : '';
      console.error(`migration failed: ${err.name.slice(0, 40)}${known}`);
      process.exit(1);
    },
  );
}
