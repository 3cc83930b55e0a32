import "server-only";
import { inBatches } from "./blog-rows";

/** Rows read per query: enough to keep round trips few, few enough that a big blog never sits whole in memory. */
export const ROWS_PER_BATCH = 500;

/** Reads the rows after `afterId` (all when undefined), in id order, at most `take` of them. */
export type BatchReader<Row extends { id: string }> = (afterId: string | undefined, take: number) => Promise<Row[]>;

/** Every row of a table in id order, one batch in memory at a time (keyset pagination on id). */
export async function* rowsById<Row extends { id: string }>(readBatch: BatchReader<Row>): AsyncGenerator<Row> {
  for await (const batch of inBatches<Row>((last, take) => readBatch(last?.id, take), ROWS_PER_BATCH)) yield* batch;
}
