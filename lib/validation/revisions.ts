import "server-only";
import { z } from "zod";

export const restoreRevisionSchema = z.object({
  postId: z.string().min(1).max(100),
  revisionId: z.string().min(1).max(100),
  expectedVersion: z.coerce.number().int().positive(),
});
