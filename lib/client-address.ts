import "server-only";
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { clientAddressFrom } from "@/lib/proxy-trust.mjs";

export { clientAddressFrom };

/** The client's address for a route handler or server action, under this server's TRUSTED_PROXIES. */
export async function currentClientAddress(): Promise<string> {
  return clientAddressFrom(Object.fromEntries((await headers()).entries()), config().TRUSTED_PROXIES);
}
