"""The one exception family of unterm: library code raises these, only cli.py exits; and
the faults of unterm itself that must never pass for a verdict on the input."""


class UntermError(Exception):
    """Base of every error unterm reports to the user as one line."""


class InputError(UntermError):
    """An input file is missing, unreadable, empty, not text, or not what was expected."""


class FormatError(UntermError):
    """An output or input format is unknown or cannot be used the way it was asked."""


class MismatchError(InputError):
    """The two inputs cannot be aligned: wrong order, same language, different documents."""


class OutputError(UntermError):
    """An output cannot be written: a folder that is read-only or full, an output that is
    one of the inputs, a name the file system refuses."""


class RevisionFault(Exception):
    """A fault in unterm itself, not in its input: a revision pair whose paragraphs have
    no text to compare, whose change therefore cannot be told. Outside the UntermError
    family on purpose: it must never pass for a verdict on the input (least of all for
    `unchanged`), and the command reports it as an internal error (exit status 70)."""
