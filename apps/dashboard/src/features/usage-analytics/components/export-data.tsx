import { Button, Popover, Radio, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { exportUrl, type UsageFilters } from '../schema';

const FORMATS = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
  { value: 'xlsx', label: 'Excel (.xlsx)' },
] as const;
type Format = (typeof FORMATS)[number]['value'];

/**
 * "Export Data": pick a format, then Download. The browser downloads the same-origin export URL
 * (the cookie session authenticates it; the api streams the raw ledger rows for the filters, so
 * a large export goes to disk as it arrives, with the browser's own progress).
 */
export function ExportData({ filters, disabled }: { filters: UsageFilters; disabled?: boolean }) {
  const [format, setFormat] = useState<Format>('csv');
  return (
    <Popover position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} disabled={disabled}>
          Export Data
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" maw={260}>
          <Radio.Group label="Format" value={format} onChange={(value) => setFormat(value)}>
            <Stack gap={6} mt={6}>
              {FORMATS.map((f) => (
                <Radio key={f.value} value={f.value} label={f.label} />
              ))}
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            The raw requests of the range and filters shown, one row each.
          </Text>
          <Button
            component="a"
            href={exportUrl(filters, format)}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
