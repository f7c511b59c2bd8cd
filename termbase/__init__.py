"""Term mining and termbases (issue 3)."""
