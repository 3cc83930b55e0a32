/** The advisory lock every write to the layout holds (the Layout page's and an import's), so two writers never interleave. */
export const LAYOUT_LOCK = "longhand:layout";
