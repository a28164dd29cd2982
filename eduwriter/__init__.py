"""EduWriter — 教育公文写作助手."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eduwriter")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.1.0"

APP_NAME = "EduWriter"
APP_NAME_ZH = "教育公文写作助手"
