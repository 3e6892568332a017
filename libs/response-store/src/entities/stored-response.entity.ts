import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A Responses API answer kept for its caller (`store`, on by default as at OpenAI): the response
 * object as it was returned, the request's own input items (for `input_items`), and the whole
 * conversation up to and including its output (what a later request that names it as
 * `previous_response_id` continues from). Kept until `expires_at`.
 */
@Entity({ name: 'stored_responses' })
@Index('stored_responses_expires_at', ['expiresAt'])
export class StoredResponseEntity {
  /** `resp_` and 48 hex digits. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'jsonb' })
  response!: Record<string, unknown>;

  /** This request's input items, each with its id, in the order they were sent. */
  @Column({ name: 'input_items', type: 'jsonb' })
  inputItems!: Array<Record<string, unknown>>;

  /** The conversation so far as input items: earlier turns, this input, this output. */
  @Column({ type: 'jsonb' })
  conversation!: Array<Record<string, unknown>>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
