import { redirect } from "next/navigation";
import { requireDashboardPage } from "@/lib/dashboard/access";

export default async function DashboardPage() {
  await requireDashboardPage("/dashboard");
  redirect("/dashboard/posts");
}
