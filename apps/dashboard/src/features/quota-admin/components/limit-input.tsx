import { Checkbox, Group, NumberInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useRef, type ReactNode } from 'react';
import { MAX_QUOTA_LIMIT, type LimitValue } from '../schema';

/**
 * A limit: a whole number, or "Unlimited" (null) by an explicit checkbox. Ticking Unlimited clears
 * and disables the number; unticking brings back the last number typed (or an empty field that
 * must be filled). Label it visibly with `label`, or, inside a table, with `labelledBy` (the ids of
 * the row and column headers).
 */
export function LimitInput<V extends object>({
  form,
  path,
  label,
  labelledBy,
  idBase,
}: {
  form: UseFormReturnType<V>;
  path: string;
  label?: string;
  labelledBy?: string;
  idBase: string;
}) {
  const input = form.getInputProps(path) as {
    value: LimitValue;
    onChange: (value: number | string) => void;
    onBlur: () => void;
    error?: ReactNode;
  };
  const value = input.value;
  const unlimited = value === null;
  const lastNumber = useRef<number | ''>(typeof value === 'number' ? value : '');
  const checkboxLabelId = `${idBase}-unlimited`;

  return (
    <Stack gap={4}>
      <NumberInput
        id={idBase}
        label={label}
        aria-labelledby={label ? undefined : labelledBy}
        value={unlimited ? '' : value}
        onChange={(next) => {
          if (typeof next === 'number') lastNumber.current = next;
          input.onChange(next);
        }}
        onBlur={input.onBlur}
        error={input.error}
        placeholder={unlimited ? 'Unlimited' : undefined}
        disabled={unlimited}
        min={0}
        max={MAX_QUOTA_LIMIT}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        miw={110}
        data-path={path}
      />
      <Group gap={4}>
        <Checkbox
          size="xs"
          label={<span id={checkboxLabelId}>Unlimited</span>}
          aria-labelledby={label ? undefined : `${checkboxLabelId} ${labelledBy ?? ''}`.trim()}
          checked={unlimited}
          onChange={(event) =>
            form.setFieldValue(path, (event.currentTarget.checked ? null : lastNumber.current) as never)
          }
        />
      </Group>
    </Stack>
  );
}
