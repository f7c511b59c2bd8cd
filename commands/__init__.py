"""The `unterm` commands, a module each (cli.py puts them together): each parses its
options, calls the stages (or batch/ for a corpus) and writes the outputs; common.py holds
what they share."""
