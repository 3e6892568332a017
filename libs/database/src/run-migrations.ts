import { DataSource } from 'typeorm';
import { DatabaseTarget, dataSourceOptions } from './data-source-options';

/** Applies pending migrations and returns their names. */
export async function runMigrations(target: DatabaseTarget): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(target, { runMigrations: false }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
