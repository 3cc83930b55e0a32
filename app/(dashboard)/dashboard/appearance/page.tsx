import type { Metadata } from "next";
import { AppearanceForm } from "@/components/dashboard/appearance/appearance-form";
import { FONT_IDS, FONTS } from "@/lib/appearance/fonts";
import { listImageChoices } from "@/lib/appearance/image-choices";
import { getCurrentAppearance } from "@/lib/appearance/store";
import { THEME_IDS, THEMES } from "@/lib/appearance/themes";
import { requireDashboardPage } from "@/lib/dashboard/access";

export const metadata: Metadata = { title: "Appearance · Dashboard", robots: { index: false } };

export default async function AppearancePage() {
  await requireDashboardPage("/dashboard/appearance", { adminOnly: true });
  const appearance = await getCurrentAppearance();
  const images = await listImageChoices([appearance.headerImageId, appearance.faviconId]);
  return (
    <>
      <h1>Appearance</h1>
      <AppearanceForm
        appearance={appearance}
        themes={THEME_IDS.map((id) => ({ id, label: THEMES[id].label, description: THEMES[id].description }))}
        fonts={FONT_IDS.map((id) => ({ value: id, label: FONTS[id].label }))}
        images={images}
      />
    </>
  );
}
