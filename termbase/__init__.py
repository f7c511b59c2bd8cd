"""Alignments to a Termbase: candidate terms in each aligned segment (chinese, english),
counts over a corpus (counts), scores and competitive linking into concept entries
(mine), merging with an existing termbase (merge), and its formats (tbx, tabular,
omegat)."""
