"""From a file to a Document: what kind of file it is, its text, and its paragraphs
(blocks) with their kind, key, clean text and footnote references. Where a paragraph
ends is decided here, once, for every stage after it."""
