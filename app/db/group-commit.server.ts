/**
 * Group commit: write requests that arrive while a transaction is committing wait and are then
 * committed together, in one transaction with one fsync. Under light load a request is committed
 * at once, alone (no added delay); under heavy load batches grow, and the per-transaction cost
 * (BEGIN, COMMIT, the fsync of synchronous=FULL, per-statement overhead when the batch is written
 * with multi-row statements) is shared. Each caller's promise settles only after its batch has
 * committed, so an acknowledgement still means durable. See docs/decisions/0009-group-commit.md.
 */

/** What `commitBatch` says about each input, in order: its value, or the error for that caller alone. */
export type BatchOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

type Waiting<I, O> = { input: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export type GroupCommitOptions = {
  /** Upper bound of one batch, to bound a transaction's size and duration. */
  maxBatch?: number;
};

/**
 * Returns `submit(input)`. `commitBatch` runs the whole batch in ONE transaction and returns one
 * outcome per input. If it throws, the transaction rolled back and every caller of the batch gets
 * the error: nothing of that batch was stored.
 */
export function createGroupCommit<I, O>(
  commitBatch: (inputs: I[]) => Promise<BatchOutcome<O>[]>,
  { maxBatch = 256 }: GroupCommitOptions = {},
) {
  let queue: Waiting<I, O>[] = [];
  let draining = false;

  async function drain() {
    draining = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        try {
          const outcomes = await commitBatch(batch.map((w) => w.input));
          if (outcomes.length !== batch.length) throw new Error("commitBatch returned the wrong number of outcomes");
          outcomes.forEach((outcome, i) => {
            if (outcome.ok) batch[i]!.resolve(outcome.value);
            else batch[i]!.reject(outcome.error);
          });
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      draining = false;
    }
  }

  return function submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!draining) void drain();
    });
  };
}
