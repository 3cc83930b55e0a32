// What proxy.ts shows, with status 403, to a signed-in user a dashboard area is not for.
export { default, metadata } from "@/app/forbidden";
