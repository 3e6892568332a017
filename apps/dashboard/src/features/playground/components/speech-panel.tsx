import { Button, Card, Grid, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconVolume } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { isApiError } from '@/api/errors';
import { applyApiError } from '@/lib/forms';
import { useSpeech } from '../queries';
import { GenerationResult } from './generation-result';
import { AnswerSource } from './source-badges';

/** "default" lets the platform pick; the others are voices of the default speech models. */
export const VOICES = [
  { value: 'default', label: 'Platform default' },
  { value: 'af_alloy', label: 'Alloy (American English, female)' },
  { value: 'af_bella', label: 'Bella (American English, female)' },
  { value: 'am_adam', label: 'Adam (American English, male)' },
  { value: 'bf_emma', label: 'Emma (British English, female)' },
  { value: 'bm_george', label: 'George (British English, male)' },
];

const schema = z.object({
  text: z.string().trim().min(1, 'Enter the text to speak').max(4000, 'At most 4,000 characters'),
  voice: z.string().min(1, 'Pick a voice'),
  response_format: z.enum(['mp3', 'wav']),
});
type Values = z.infer<typeof schema>;

/** Text to speech: text and voice → an audio player for the generated file. */
export function SpeechPanel() {
  const speech = useSpeech();
  const form = useForm<Values>({
    initialValues: { text: '', voice: 'default', response_format: 'mp3' },
    validate: zod4Resolver(schema),
  });
  const answer = speech.data;
  const fieldError = isApiError(speech.error) && speech.error.param && speech.error.param in form.values;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder>
          <form
            onSubmit={form.onSubmit((values) =>
              speech.mutate(
                { ...values, text: values.text.trim() },
                { onError: (error) => applyApiError(form, error) },
              ),
            )}
            noValidate
          >
            <Stack gap="sm">
              <Textarea
                label="Text"
                placeholder="Welcome to Tiergate."
                autosize
                minRows={3}
                required
                {...form.getInputProps('text')}
                data-path="text"
              />
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label="Voice"
                  data={VOICES}
                  allowDeselect={false}
                  {...form.getInputProps('voice')}
                  data-path="voice"
                />
                <Select
                  label="Format"
                  data={[
                    { value: 'mp3', label: 'MP3' },
                    { value: 'wav', label: 'WAV' },
                  ]}
                  allowDeselect={false}
                  {...form.getInputProps('response_format')}
                  data-path="response_format"
                />
              </SimpleGrid>
              <Button
                type="submit"
                loading={speech.isPending}
                leftSection={<IconVolume size={16} aria-hidden />}
              >
                Generate speech
              </Button>
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <GenerationResult
          pending={speech.isPending}
          error={speech.isError && !fieldError ? speech.error : null}
          pendingText="Generating the speech…"
          minHeight={160}
        >
          {answer && (
            <Stack gap="sm">
              <audio
                controls
                src={answer.audio_url}
                style={{ width: '100%' }}
                aria-label={`Speech: ${speech.variables?.text ?? ''}`}
                data-testid="speech-audio"
              />
              <AnswerSource
                indicator={answer.model_source_indicator}
                extra={`${answer.duration_seconds.toFixed(1)} s, ${answer.characters} characters`}
              />
            </Stack>
          )}
          {!speech.isPending && !answer && !speech.isError && (
            <Text c="dimmed" size="sm">
              The audio player appears here. Speech counts against your daily text-to-speech quota.
            </Text>
          )}
        </GenerationResult>
      </Grid.Col>
    </Grid>
  );
}
