"use client";

import { useEffect, useState } from "react";

/** The time, renewed every half minute: a scheduled post's controls turn to published ones when its moment comes. */
export function useNow() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
