"""EduWriter — 教育公文写作助手."""

APP_NAME = "EduWriter"
APP_NAME_ZH = "教育公文写作助手"


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for:
    ``importlib.metadata`` costs tens of milliseconds at import, which every start (a search
    from the command line, the window) would pay for a string only the About box shows."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("eduwriter")
    except PackageNotFoundError:  # running from a source tree without installation
        found = "0.1.0"
    globals()["__version__"] = found
    return found
