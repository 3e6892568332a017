import { z } from 'zod';
import type { EndpointChanges, NewEndpoint } from './types';

const replicas = (min: number) =>
  z
    .number({ message: 'A whole number' })
    .int('A whole number')
    .min(min, `At least ${min}`)
    .max(100, 'At most 100');

const displayName = z.string().trim().max(255, 'At most 255 characters');

const replicaOrder = <T extends { min_replicas: number; max_replicas: number }>(values: T) =>
  values.max_replicas >= values.min_replicas;
const replicaOrderIssue = { message: 'At least the minimum replicas', path: ['max_replicas'] };

/** The create form: the model, then hardware offered for it, replicas, an optional auto-shutdown. */
export const createEndpointSchema = z
  .object({
    model: z.string().min(1, 'Choose a model'),
    hardware: z.string().min(1, 'Choose the hardware'),
    display_name: displayName,
    min_replicas: replicas(1),
    max_replicas: replicas(1),
    /** Empty: never shut down for inactivity. */
    auto_shutdown_minutes: z.union([
      z.literal(''),
      z
        .number({ message: 'A whole number of minutes' })
        .int('A whole number of minutes')
        .min(1, 'At least 1 minute')
        .max(10_080, 'At most 10,080 minutes (7 days)'),
    ]),
  })
  .refine(replicaOrder, replicaOrderIssue);
export type CreateEndpointValues = z.input<typeof createEndpointSchema>;

/** The create request's body: optional fields only when given. */
export function newEndpointBody(values: CreateEndpointValues): NewEndpoint {
  const body: NewEndpoint = {
    model: values.model,
    hardware: values.hardware,
    min_replicas: values.min_replicas,
    max_replicas: values.max_replicas,
  };
  if (values.display_name.trim()) body.display_name = values.display_name.trim();
  if (values.auto_shutdown_minutes !== '') body.auto_shutdown_minutes = values.auto_shutdown_minutes;
  return body;
}

/** The edit form: display name and autoscaling. */
export const editEndpointSchema = z
  .object({ display_name: displayName, min_replicas: replicas(1), max_replicas: replicas(1) })
  .refine(replicaOrder, replicaOrderIssue);
export type EditEndpointValues = z.input<typeof editEndpointSchema>;

/** Only what changed, so an unchanged form sends nothing (`{}`). */
export function endpointChanges(
  before: { display_name: string | null; min_replicas: number; max_replicas: number },
  values: EditEndpointValues,
): EndpointChanges {
  const changes: EndpointChanges = {};
  const name = values.display_name.trim();
  if (name !== (before.display_name ?? '')) changes.display_name = name;
  if (values.min_replicas !== before.min_replicas || values.max_replicas !== before.max_replicas) {
    // Both together, as Together's update wants them.
    changes.min_replicas = values.min_replicas;
    changes.max_replicas = values.max_replicas;
  }
  return changes;
}

/** The stats panel's date range (YYYY-MM-DD, inclusive): a problem in words, or undefined. */
export function statsRangeProblem(from: string, to: string): string | undefined {
  if (from > to) return 'Must be on or before the end date';
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > 366) return 'At most 366 days at a time';
  return undefined;
}
