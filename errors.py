"""The one exception family of unterm: library code raises these, only cli.py exits."""


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
