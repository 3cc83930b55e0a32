import type { Metadata } from "next";
import { SettingsForm } from "@/components/dashboard/settings-form";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { getCurrentSettings } from "@/lib/settings";
import { TIME_ZONES } from "@/lib/validation/settings";

export const metadata: Metadata = { title: "Settings · Dashboard", robots: { index: false } };

export default async function SettingsPage() {
  await requireDashboardPage("/dashboard/settings", { adminOnly: true });
  const settings = await getCurrentSettings();
  return (
    <>
      <h1>Settings</h1>
      <SettingsForm settings={settings} timeZones={TIME_ZONES} />
    </>
  );
}
