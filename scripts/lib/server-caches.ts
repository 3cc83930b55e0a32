import { authSecret } from "./secrets";

/**
 * Asks a running Longhand (this project's, on PORT) to drop its cached reader pages after an
 * import; says what happened, in a line for the terminal. No server running is fine: its pages
 * refill within a minute of its next start.
 */
export async function expireServerCaches(): Promise<string> {
  const port = Number(process.env.PORT || 3000);
  const host = !process.env.HOST || process.env.HOST === "0.0.0.0" ? "127.0.0.1" : process.env.HOST;
  try {
    const response = await fetch(`http://${host}:${port}/api/internal/expire-caches`, {
      method: "POST",
      headers: { authorization: `Bearer ${authSecret()}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return `The blog at http://${host}:${port} shows the import now.`;
    return `The server at http://${host}:${port} answered ${response.status}: its pages show the import within a minute.`;
  } catch {
    return "No Longhand server is running here: the next npm start shows the import.";
  }
}
