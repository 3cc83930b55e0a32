/** The blog's security headers for a response to a request for an address, as [name, value] pairs. */
export function createSecurityHeaders(env: Record<string, string | undefined>): (url: string) => readonly (readonly [string, string])[];
