"""Every error quotex reports, each with a unique code and a message that says how to fix it."""

from __future__ import annotations


class DocumentTimeout(TimeoutError):
    """A document took longer than its time budget (``[E303]``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"[E303] the document took longer than its time budget of {seconds:g} s "
                         "(raise it with --timeout or Extractor(timeout=...), 0 for no limit)")
        self.seconds = seconds
