"""An Alignment (and a Termbase) to a Report: each check a pure function from the aligned
pair to findings with a severity, a place and a message (run.run_checks), and the
report as a page (html) or data (export)."""
