import { Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { notify } from '@/components/ui/notify';
import { VerifyFooter } from '@/components/ui/secret-key-form';
import { applyApiError } from '@/lib/forms';
import { useUploadModel } from '../queries';
import { uploadBody, uploadSchema, type UploadValues } from '../schema';

const INITIAL: UploadValues = {
  model_name: '',
  model_source: '',
  model_type: 'model',
  base_model: '',
  lora_model: '',
  description: '',
};

/** "Upload model": a model or an adapter from a Hugging Face repository or a URL, followed as a job. */
export function UploadModelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm<UploadValues>({ initialValues: INITIAL, validate: zod4Resolver(uploadSchema) });
  const upload = useUploadModel();
  const close = () => {
    form.reset();
    upload.reset();
    onClose();
  };
  const submit = (values: UploadValues) =>
    upload.mutate(uploadBody(values), {
      onSuccess: (job) => {
        notify({
          color: 'green',
          message: (
            <>
              <strong>Upload started.</strong>{' '}
              {`${job.model_name} is ${job.status.toLowerCase()}; this page follows it.`}
            </>
          ),
        });
        close();
      },
      onError: (error) => applyApiError(form, error),
    });
  const adapter = form.values.model_type === 'adapter';

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Upload model"
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            The provider fetches the weights and prepares them; a completed model can be served by a dedicated
            endpoint, and an adapter on top of its base model.
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="model-type-label">
              Type
            </Text>
            <SegmentedControl
              aria-labelledby="model-type-label"
              data={[
                { value: 'model', label: 'Model' },
                { value: 'adapter', label: 'Adapter (LoRA)' },
              ]}
              {...form.getInputProps('model_type')}
            />
          </Stack>
          <TextInput
            label="Model name"
            placeholder="my-org/my-fine-tune"
            required
            {...form.getInputProps('model_name')}
            data-path="model_name"
          />
          <TextInput
            label="Source"
            description="A Hugging Face repository (org/name) or a URL to the weights"
            placeholder="https://huggingface.co/my-org/my-fine-tune"
            required
            {...form.getInputProps('model_source')}
            data-path="model_source"
          />
          {adapter && (
            <>
              <TextInput
                label="Base model"
                placeholder="meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
                required
                {...form.getInputProps('base_model')}
                data-path="base_model"
              />
              <TextInput
                label="LoRA model"
                description="Optional: the adapter's repository, when it differs from the source"
                {...form.getInputProps('lora_model')}
                data-path="lora_model"
              />
            </>
          )}
          <Textarea
            label="Description"
            rows={2}
            {...form.getInputProps('description')}
            data-path="description"
          />
          <VerifyFooter
            mutation={upload}
            fieldErrors={form.errors}
            progress="Starting the upload with the provider…"
            submitLabel="Upload"
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
