"""Two Documents to an Alignment: pairs of block groups, each with a confidence and the
evidence that decided it (paragraphs.align_documents), then, at sentence level, the
sentences inside each pair (sentences.sentence_alignment); and the formats an
alignment is written in (tmx, tabular, jsonfile, html)."""
