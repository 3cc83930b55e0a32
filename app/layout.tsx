import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getBlogSettings } from "@/lib/settings";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Longhand", template: "%s" },
  icons: { icon: "/favicon.svg" },
};

// The reader pages' language; the dashboard and account pages say their own (English) on their wrapper.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getBlogSettings();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
