"""A searchable memory of aligned pairs: documents' paragraph and sentence pairs in an
SQLite database with full-text indexes on both sides (store), the query a translator
types read into a search that cannot misread it (query), the matching pairs with the
query and its equivalent marked (search, spans), the renderings counted, the closest
earlier sentences with a CAT tool's match percentage (fuzzy), and the results as TSV,
JSON or a page (export, html)."""
