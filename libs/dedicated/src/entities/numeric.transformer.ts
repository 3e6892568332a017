import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numerics come back as strings: read them as numbers (prices fit a double). */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
