"""Consoles of the `lkj` command: every message printed as whole lines.

rich wraps text at the terminal width, and at 80 columns when the output is not a terminal
(a log, a pipe, CI): a path or a value id then breaks mid-word, and a grep or a test that
looks for it fails depending on the length of a temporary path. These consoles never insert
line breaks into text (soft_wrap: a terminal wraps long lines itself), and lay tables out
for a wide page when the output is not a terminal, so no cell is folded either.
"""

from __future__ import annotations

from rich.console import Console, ConsoleDimensions

# Width of the page when the output is not a terminal: wide enough that no table cell is
# folded, while tables are still only as wide as their content (no table here expands).
NOT_A_TERMINAL_WIDTH = 4000


class WholeLines(Console):
    """A rich Console that keeps every line whole (see the module docstring)."""

    @property
    def size(self) -> ConsoleDimensions:
        if self.is_terminal:
            return super().size
        return ConsoleDimensions(NOT_A_TERMINAL_WIDTH, super().size.height)

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        self._width, self._height = new_size


def stdout() -> WholeLines:
    return WholeLines(highlight=False, soft_wrap=True)


def stderr() -> WholeLines:
    return WholeLines(stderr=True, highlight=False, soft_wrap=True)
