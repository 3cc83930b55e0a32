import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getAppearance } from "@/lib/appearance/store";
import { getBlogSettings } from "@/lib/settings";
import "./globals.css";
import "./themes.css";

// The blog's favicon (Appearance in the dashboard), or Longhand's own.
export async function generateMetadata(): Promise<Metadata> {
  const { favicon } = await getAppearance();
  return {
    title: { default: "Longhand", template: "%s" },
    icons: { icon: favicon ? { url: favicon.url, type: favicon.type } : "/favicon.svg" },
  };
}

// The reader pages' language; the dashboard and account pages say their own (English) on their wrapper.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getBlogSettings();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
