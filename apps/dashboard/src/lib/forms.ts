import type { UseFormReturnType } from '@mantine/form';
import { isApiError } from '@/api/errors';

/**
 * Puts an API error on the field its `param` names (the field gets aria-invalid and the message
 * through Mantine's error wiring, and focus moves there). Returns false when the error names no
 * field of this form: the caller then shows it in an alert.
 * `fieldFor` maps an API param (`new_password`, `features.text_generation.requests_per_day`) to a form path.
 */
export function applyApiError<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  error: unknown,
  fieldFor: (param: string) => string | undefined = (param) => param,
): boolean {
  if (!isApiError(error) || !error.param) return false;
  const field = fieldFor(error.param);
  if (!field) return false;
  form.setFieldError(field, error.message);
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-path="${field}"]`)?.focus());
  return true;
}
