"""unterm: align, mine terms from and check Chinese-English United Nations documents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("unterm")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
