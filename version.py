"""unterm's version, as installed (one place, imported by every output's signature)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("unterm")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
