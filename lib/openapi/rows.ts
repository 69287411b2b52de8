import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { z } from 'zod';

/** One column as it reaches JSON: timestamps as ISO 8601 strings, dates as YYYY-MM-DD, enums as their values. */
function columnSchema(column: Column): z.ZodType {
  const enumValues = (column as { enumValues?: string[] }).enumValues;
  let schema: z.ZodType;
  switch (column.dataType) {
    case 'number':
      schema = /Integer|Serial|SmallInt|BigInt/.test(column.columnType) ? z.number().int() : z.number();
      break;
    case 'bigint':
      schema = z.number().int();
      break;
    case 'boolean':
      schema = z.boolean();
      break;
    case 'date':
      schema = z.string().describe('ISO 8601');
      break;
    case 'array': {
      const base = (column as unknown as { baseColumn?: Column }).baseColumn;
      schema = z.array(base ? columnSchema(base) : z.unknown());
      break;
    }
    case 'json':
      schema = z.unknown();
      break;
    default:
      schema = enumValues?.length ? z.enum(enumValues as [string, ...string[]]) : column.columnType === 'PgDateString' ? z.string().describe('YYYY-MM-DD') : z.string();
  }
  return column.notNull ? schema : schema.nullable();
}

/**
 * A table's row as a route answers it (drizzle's select, through Response.json): one copy of each
 * column's type, from the table definition. `pick` keeps some columns, `omit` drops some.
 */
export function rowSchema<T extends Table>(table: T, options: { pick?: readonly (keyof T['_']['columns'])[]; omit?: readonly (keyof T['_']['columns'])[] } = {}) {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(([name]) => (!options.pick || options.pick.includes(name)) && !options.omit?.includes(name));
  return z.object(Object.fromEntries(columns.map(([name, column]) => [name, columnSchema(column)])));
}
