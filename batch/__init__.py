"""A corpus of document pairs through any command: finding the pairs in a folder or a
list (pairs), running one task per pair serially, in a process pool or on a Dask cluster,
resumably and with progress (run), and the outputs a corpus engineer wants from the
whole corpus: one TMX, a Moses pair, JSON Lines (corpus)."""
