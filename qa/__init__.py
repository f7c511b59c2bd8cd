"""Bilingual QA checks (issue 4)."""
