import { Button, Group, PasswordInput, Text, type PasswordInputProps } from '@mantine/core';
import { ErrorAlert } from '@/components/ui/error-alert';

/**
 * A write-only secret (a provider's API key): required, never autocompleted, its error exposed as
 * `aria-invalid`. Spread the form's input props into it, and name the field's `data-path` so an API
 * error on that field can focus it.
 */
export function SecretKeyField(props: PasswordInputProps & { 'data-path': string }) {
  return (
    <PasswordInput
      autoComplete="off"
      required
      {...props}
      // Mantine's PasswordInput marks its inner input with data-invalid only.
      aria-invalid={Boolean(props.error) || undefined}
    />
  );
}

/**
 * The end of a form whose secret the server verifies before saving: the progress while it checks,
 * the error when it names no field of the form, then Cancel and the submit button.
 */
export function VerifyFooter({
  mutation,
  fieldErrors,
  progress,
  submitLabel,
  onCancel,
}: {
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  /** The form's errors: an API error put on a field is not repeated in the alert. */
  fieldErrors: Record<string, unknown>;
  /** What is being verified, e.g. "Verifying the key with together_ai…". */
  progress: string;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {mutation.isPending && (
        <Text size="sm" role="status">
          {progress}
        </Text>
      )}
      {mutation.isError && !Object.keys(fieldErrors).length && <ErrorAlert error={mutation.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
