import { NumberInput, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { errorMessage } from '@/api/errors';
import { useCatalog } from '../queries';

export interface ChatSettings {
  model: string | null;
  purpose: string | null;
  maxTokens: number;
  temperature: number;
  /** Ask for the answer as one JSON object (`response_format: {"type": "json_object"}`). */
  json: boolean;
}

export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  model: null,
  purpose: null,
  maxTokens: 512,
  temperature: 0.7,
  json: false,
};

/** The specification's purposes; a purpose may pick another model for the tier (coding, creative, …). */
export const PURPOSES = [
  { value: 'general', label: 'General' },
  { value: 'coding', label: 'Coding' },
  { value: 'creative', label: 'Creative writing' },
  { value: 'analysis', label: 'Analysis' },
  { value: 'educational', label: 'Educational' },
];

/** Model (the tier's default unless picked), purpose, max tokens, temperature and JSON mode for the chat. */
export function ChatSettingsForm({
  value,
  onChange,
  disabled,
}: {
  value: ChatSettings;
  onChange: (value: ChatSettings) => void;
  disabled?: boolean;
}) {
  const models = useCatalog('chat');
  const set = <K extends keyof ChatSettings>(key: K, next: ChatSettings[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Stack gap="sm">
      <Select
        label="Model"
        description="Models your tier may use; by default the platform picks"
        placeholder={models.isPending ? 'Loading models…' : 'Platform default for my tier'}
        data={(models.data?.models ?? []).map((model) => ({
          value: model.id,
          label: model.name || model.id,
        }))}
        value={value.model}
        onChange={(model) => set('model', model)}
        clearable
        searchable
        nothingFoundMessage="No model matches"
        disabled={disabled}
        error={models.isError ? `Models could not be loaded: ${errorMessage(models.error)}` : undefined}
      />
      <Select
        label="Purpose"
        description="May select a model suited to the task"
        placeholder="General"
        data={PURPOSES}
        value={value.purpose}
        onChange={(purpose) => set('purpose', purpose)}
        clearable
        disabled={disabled}
      />
      <SimpleGrid cols={2} spacing="sm">
        <NumberInput
          label="Max tokens"
          min={1}
          max={32768}
          step={64}
          value={value.maxTokens}
          onChange={(next) => set('maxTokens', typeof next === 'number' ? next : Number(next) || 1)}
          clampBehavior="strict"
          allowDecimal={false}
          disabled={disabled}
        />
        <NumberInput
          label="Temperature"
          min={0}
          max={2}
          step={0.1}
          decimalScale={2}
          value={value.temperature}
          onChange={(next) => set('temperature', typeof next === 'number' ? next : Number(next) || 0)}
          clampBehavior="strict"
          disabled={disabled}
        />
      </SimpleGrid>
      <Switch
        label="Answer in JSON"
        description="Asks the model for one JSON object (the API's response_format)"
        checked={value.json}
        onChange={(event) => set('json', event.currentTarget.checked)}
        disabled={disabled}
      />
      <Text size="xs" c="dimmed">
        Every answer counts against your daily text generation quota, unless it is sent with your own key.
      </Text>
    </Stack>
  );
}
