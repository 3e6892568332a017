/** The queue of the follower's repeatable sweep (one job per period, across every process). */
export const BATCH_QUEUE = 'batch-follow';
/** The job scheduler's id: upserting it again (every start of every process) keeps one schedule. */
export const BATCH_SWEEP_SCHEDULER = 'batch-follow-sweep';

/** The sweep job carries nothing: it follows whatever is due. */
export type BatchSweepJob = Record<string, never>;
