import type { Metadata } from "next";
import { SettingsForm } from "@/components/dashboard/settings-form";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { getEditableSettings } from "@/lib/dashboard/blog-settings";
import { TIME_ZONES, type BlogSettingsInput } from "@/lib/validation/settings";

export const metadata: Metadata = { title: "Settings · Dashboard", robots: { index: false } };

// What the form shows before anything was ever saved (the schema's own defaults).
const UNSAVED: BlogSettingsInput = {
  blogTitle: "Longhand",
  description: "",
  postsPerPage: 7,
  timeZone: "UTC",
  commentPermission: "SIGNED_IN",
  commentModeration: "NEVER",
  moderateAfterDays: 14,
};

export default async function SettingsPage() {
  await requireDashboardPage("/dashboard/settings", { adminOnly: true });
  const settings = (await getEditableSettings()) ?? UNSAVED;
  return (
    <>
      <h1>Settings</h1>
      <SettingsForm settings={settings} timeZones={TIME_ZONES} />
    </>
  );
}
