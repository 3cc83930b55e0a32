import { ArchiveGadget } from "@/components/blog/gadgets/archive-gadget";
import { headingIdOf } from "@/components/blog/gadgets/gadget-frame";
import { LabelsGadget, LinkListGadget, PopularPostsGadget, SubscribeGadget } from "@/components/blog/gadgets/list-gadgets";
import { HtmlGadget, ProfileGadget, TextGadget } from "@/components/blog/gadgets/text-gadgets";
import { SearchForm } from "@/components/blog/search-form";
import { getLayout, type ProfilePhoto } from "@/lib/gadgets/reader";
import type { Gadget } from "@/lib/gadgets/store";
import type { Locale, Messages } from "@/lib/messages";
import type { GadgetAreaName, GadgetKindName } from "@/lib/validation/gadgets";

/** The heading a gadget without a title of its own gets, in the blog's language; none for text, HTML and links. */
function defaultHeading(kind: GadgetKindName, t: Messages): string {
  const headings: Partial<Record<GadgetKindName, string>> = {
    PROFILE: t.aboutMe,
    ARCHIVE: t.blogArchive,
    LABELS: t.labels,
    POPULAR_POSTS: t.popularPosts,
    SUBSCRIBE: t.subscribeTo,
    SEARCH: t.searchThisBlog,
  };
  return headings[kind] ?? "";
}

/** The gadgets of one area (the sidebar or the footer), in the admin's order. */
export async function GadgetArea({ area, locale, t }: { area: GadgetAreaName; locale: Locale; t: Messages }) {
  const { layout, photos } = await getLayout();
  return layout[area].map((gadget) => <GadgetView key={gadget.id} gadget={gadget} photos={photos} locale={locale} t={t} />);
}

function GadgetView({ gadget, photos, locale, t }: { gadget: Gadget; photos: Record<string, ProfilePhoto>; locale: Locale; t: Messages }) {
  const common = { gadgetId: gadget.id, heading: gadget.title || defaultHeading(gadget.kind, t), t };
  const { config } = gadget;
  switch (config.kind) {
    case "PROFILE":
      return <ProfileGadget {...common} config={config} photo={photos[config.photoId]} />;
    case "ARCHIVE":
      return <ArchiveGadget {...common} config={config} locale={locale} />;
    case "LABELS":
      return <LabelsGadget {...common} config={config} />;
    case "POPULAR_POSTS":
      return <PopularPostsGadget {...common} config={config} />;
    case "LINK_LIST":
      return <LinkListGadget {...common} config={config} />;
    case "TEXT":
      return <TextGadget {...common} config={config} />;
    case "HTML":
      return <HtmlGadget {...common} config={config} />;
    case "SUBSCRIBE":
      return <SubscribeGadget {...common} config={config} />;
    case "SEARCH":
      // Its landmark is named by its heading, apart from the header's search ("Blog search").
      return (
        <div className="widget">
          <h2 id={headingIdOf(gadget.id)}>{common.heading}</h2>
          <SearchForm t={t} id={`gadget-${gadget.id}-query`} name={common.heading} />
        </div>
      );
  }
}
