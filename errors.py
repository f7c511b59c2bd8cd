"""The one exception family of unterm: library code raises these, only cli.py exits."""


class UntermError(Exception):
    """Base of every error unterm reports to the user as one line."""


class InputError(UntermError):
    """An input file is missing, unreadable, empty, not text, or not what was expected."""


class FormatError(UntermError):
    """An output or input format is unknown or cannot be used the way it was asked."""


class MismatchError(InputError):
    """The two inputs cannot be aligned: wrong order, same language, different documents."""
