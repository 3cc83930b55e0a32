import type { ButtonHTMLAttributes } from "react";
import styles from "./ui.module.css";

export type ButtonIntent = "primary" | "secondary" | "destructive" | "quiet";

/** The dashboard's one button: its intent shows what it does (a destructive one looks it). */
export function buttonClass(intent: ButtonIntent = "secondary", size: "normal" | "small" = "normal"): string {
  return [styles.button, styles[intent], size === "small" ? styles.small : ""].filter(Boolean).join(" ");
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  intent?: ButtonIntent;
  size?: "normal" | "small";
}

export function Button({ intent = "secondary", size = "normal", type = "button", className, ...rest }: ButtonProps) {
  return <button type={type} className={[buttonClass(intent, size), className].filter(Boolean).join(" ")} {...rest} />;
}

/** Buttons that belong together; `apart` holds the destructive ones, set off below a rule. */
export function ButtonGroup({ children, apart }: { children: React.ReactNode; apart?: React.ReactNode }) {
  return (
    <>
      <div className={styles.buttonGroup}>{children}</div>
      {apart ? <div className={styles.dangerZone}>{apart}</div> : null}
    </>
  );
}
