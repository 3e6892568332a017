import {
  Button,
  Card,
  Grid,
  Image,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPhoto } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { isApiError } from '@/api/errors';
import { applyApiError } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { useGenerateImage } from '../queries';
import { GenerationResult } from './generation-result';
import { AnswerSource } from './source-badges';

export const IMAGE_SIZES = ['512x512', '768x768', '1024x1024', '1024x768', '768x1024', '1280x720'];

const schema = z.object({
  prompt: z.string().trim().min(1, 'Describe the image').max(4000, 'At most 4,000 characters'),
  negative_prompt: z.string().max(4000, 'At most 4,000 characters'),
  size: z.string().regex(/^\d+x\d+$/, 'Pick a size'),
  steps: z.number({ error: 'Enter a number of steps' }).int('A whole number').min(1).max(100),
});
type Values = z.infer<typeof schema>;

/** The API names width, height or num_inference_steps; the form has size and steps. */
const fieldFor = (param: string): string | undefined =>
  ({
    prompt: 'prompt',
    negative_prompt: 'negative_prompt',
    width: 'size',
    height: 'size',
    num_inference_steps: 'steps',
  })[param];

/** Image generation: prompt, size, steps → the image(s), with where they came from. */
export function ImagePanel() {
  const generate = useGenerateImage();
  const form = useForm<Values>({
    initialValues: { prompt: '', negative_prompt: '', size: '1024x1024', steps: 4 },
    validate: zod4Resolver(schema),
  });
  const submit = (values: Values) => {
    const [width, height] = values.size.split('x').map(Number);
    generate.mutate(
      {
        prompt: values.prompt.trim(),
        ...(values.negative_prompt.trim() && { negative_prompt: values.negative_prompt.trim() }),
        width,
        height,
        num_inference_steps: values.steps,
      },
      { onError: (error) => applyApiError(form, error, fieldFor) },
    );
  };
  const answer = generate.data;
  const prompt = generate.variables?.prompt ?? '';
  const fieldError = isApiError(generate.error) && generate.error.param && fieldFor(generate.error.param);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder>
          <form onSubmit={form.onSubmit(submit)} noValidate>
            <Stack gap="sm">
              <Textarea
                label="Prompt"
                placeholder="A beautiful sunset over mountains"
                autosize
                minRows={3}
                required
                {...form.getInputProps('prompt')}
                data-path="prompt"
              />
              <Textarea
                label="Negative prompt"
                description="What the image should not show"
                placeholder="blurry, distorted"
                autosize
                minRows={1}
                {...form.getInputProps('negative_prompt')}
                data-path="negative_prompt"
              />
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label="Size"
                  data={IMAGE_SIZES.map((size) => ({ value: size, label: size.replace('x', ' × ') }))}
                  allowDeselect={false}
                  {...form.getInputProps('size')}
                  data-path="size"
                />
                <NumberInput
                  label="Steps"
                  min={1}
                  max={100}
                  allowDecimal={false}
                  {...form.getInputProps('steps')}
                  data-path="steps"
                />
              </SimpleGrid>
              <Button
                type="submit"
                loading={generate.isPending}
                leftSection={<IconPhoto size={16} aria-hidden />}
              >
                Generate image
              </Button>
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <GenerationResult
          pending={generate.isPending}
          error={generate.isError && !fieldError ? generate.error : null}
          pendingText="Generating the image…"
          minHeight={200}
        >
          {answer && (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: answer.images.length > 1 ? 2 : 1 }}>
                {answer.images.map((image) => (
                  <Image
                    key={image.url}
                    src={image.url}
                    alt={prompt}
                    radius="md"
                    fit="contain"
                    mah={512}
                    data-testid="generated-image"
                  />
                ))}
              </SimpleGrid>
              <AnswerSource
                indicator={answer.model_source_indicator}
                extra={`link valid until ${formatDateTime(answer.expires_at)}`}
              />
            </Stack>
          )}
          {!generate.isPending && !answer && !generate.isError && (
            <Text c="dimmed" size="sm">
              The image appears here. Each image counts against your daily image generation quota.
            </Text>
          )}
        </GenerationResult>
      </Grid.Col>
    </Grid>
  );
}
