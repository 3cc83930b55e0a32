import { z } from "zod";

/** An unsubscribe link's token: a subscription's id, a dot, and its signature (lib/notifications/unsubscribe.ts). */
export const unsubscribeTokenSchema = z.string().regex(/^[a-z0-9]{1,64}\.[A-Za-z0-9_-]{43}$/);
