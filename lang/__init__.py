"""Language knowledge shared by every stage: scripts and normalisation, Chinese and Roman
numerals, dates, UN document symbols, language-neutral anchors, English words and
stems, the bilingual dictionary, Chinese word segmentation, lengths, and finding terms
in text. It imports nothing else of unterm's."""
