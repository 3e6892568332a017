import { Transform } from 'class-transformer';

/** Parses "true/false/1/0/yes/no" into a boolean; anything else stays a string and fails IsBoolean. */
export const ToBoolean = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const v = value.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    return value;
  });

/** Parses an integer; a non-integer stays as is and fails IsInt. */
export const ToInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
