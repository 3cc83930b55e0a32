import { z } from "zod";

/** What the dashboard's given-up mail form asks for: send them again, or drop them. */
export const givenUpNoticesSchema = z.object({ choice: z.enum(["retry", "discard"], { error: "Choose to try the notices again or to discard them." }) });
