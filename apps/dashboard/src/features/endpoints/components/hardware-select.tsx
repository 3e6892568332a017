import { Select, type SelectProps } from '@mantine/core';
import { errorMessage } from '@/api/errors';
import { formatUsd } from '@/lib/format';
import { useHardware } from '../queries';
import type { Hardware } from '../types';

/** "2x H100 80GB · $7.98/hour per replica", and whether it has capacity now. */
export const hardwareLabel = (hardware: Hardware): string =>
  `${hardware.name} · ${formatUsd(hardware.price_per_hour_usd)}/hour per replica${hardware.available === false ? ' · no capacity now' : ''}`;

/** The hardware offered for `model`, each with its hourly price; those without capacity shown but disabled. */
export function HardwareSelect({
  model,
  ...props
}: { model: string } & SelectProps & { 'data-path': string }) {
  const hardware = useHardware(model);
  const options = (hardware.data?.data ?? []).map((item) => ({
    value: item.id,
    label: hardwareLabel(item),
    disabled: item.available === false,
  }));
  const chosen = hardware.data?.data.find((item) => item.id === props.value);
  const description = !model
    ? 'Choose a model first'
    : hardware.isPending
      ? 'Loading the hardware for this model…'
      : hardware.isError
        ? undefined
        : options.length === 0
          ? 'No hardware can run this model'
          : chosen
            ? `Billed ${formatUsd(chosen.price_per_hour_usd)} per hour per replica while running`
            : `${options.length} configuration${options.length === 1 ? '' : 's'} for this model`;
  return (
    <Select
      label="Hardware"
      placeholder={model ? 'Choose the hardware' : 'Choose a model first'}
      data={options}
      disabled={!model || hardware.isPending || options.length === 0}
      allowDeselect={false}
      required
      description={description}
      {...props}
      error={
        props.error ??
        (hardware.isError ? `The hardware list failed: ${errorMessage(hardware.error)}` : undefined)
      }
    />
  );
}
