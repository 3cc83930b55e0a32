/**
 * Blogger's share targets, as plain addresses: following one is the reader's own choice, and no
 * script or image of theirs loads with the page.
 */
export function shareLinks(url: string, title: string): { name: string; href: string }[] {
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { name: "Email", href: `mailto:?${query({ subject: title, body: url }).replace(/\+/g, "%20")}` },
    { name: "X (Twitter)", href: `https://twitter.com/intent/tweet?${query({ url, text: title })}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}` },
    { name: "Pinterest", href: `https://pinterest.com/pin/create/button/?${query({ url, description: title })}` },
  ];
}
