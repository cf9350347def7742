/**
 * Creates missing tables and adds columns the model gained since the database
 * was created (names are only ever added to the model, never renamed).
 */
import { quote, schemaTables } from './ddl.ts';
import type { Session } from './KuzuConnection.ts';
import { refreshSearchText } from './search-index.ts';

export async function ensureSchema(session: Session): Promise<void> {
  const existing = new Set((await session.raw('CALL show_tables() RETURN name')).map((row) => String(row.name)));
  for (const table of schemaTables()) {
    if (!existing.has(table.name)) {
      await session.raw(table.create);
      continue;
    }
    const info = await session.raw(`CALL table_info('${table.name}') RETURN name`);
    const columns = new Set(info.map((row) => String(row.name)));
    for (const [name, type] of table.columns) {
      if (!columns.has(name)) await session.raw(`ALTER TABLE ${quote(table.name)} ADD ${quote(name)} ${type}`);
    }
  }
  // Data written by another tool (or before searchText existed) becomes searchable.
  await refreshSearchText(session, false);
}
