"""Progress of a build on stderr: one line per step or notebook.

On a terminal a live rich table shows running steps with a spinner; otherwise (CI, logs,
pipes) each step prints one plain line when it ends. Steps may start and end from worker
threads, so every method takes a lock.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from rich.console import Console
from rich.live import Live
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text


class Reporter(Protocol):
    def start(self, key: str, label: str) -> None: ...
    def done(self, key: str, detail: str = "") -> None: ...
    def fail(self, key: str, detail: str = "") -> None: ...
    def warn(self, message: str) -> None: ...
    def close(self) -> None: ...


def seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


class Silent:
    def start(self, key: str, label: str) -> None:
        pass

    def done(self, key: str, detail: str = "") -> None:
        pass

    def fail(self, key: str, detail: str = "") -> None:
        pass

    def warn(self, message: str) -> None:
        pass

    def close(self) -> None:
        pass


class _Steps:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.labels: dict[str, str] = {}
        self.started: dict[str, float] = {}
        self.state: dict[str, tuple[str, str]] = {}  # key -> (status, detail)

    def begin(self, key: str, label: str) -> None:
        self.labels[key] = label
        self.started[key] = time.perf_counter()
        self.state[key] = ("run", "")

    def end(self, key: str, status: str, detail: str) -> str:
        took = seconds(time.perf_counter() - self.started.get(key, time.perf_counter()))
        self.state[key] = (status, f"{detail} ({took})" if detail else took)
        return self.state[key][1]


class Plain(_Steps):
    """One line per finished step (no cursor movement: fine for logs)."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def start(self, key: str, label: str) -> None:
        with self.lock:
            self.begin(key, label)

    def done(self, key: str, detail: str = "") -> None:
        with self.lock:
            text = self.end(key, "ok", detail)
            self.console.print(f"✓ {self.labels[key]}  {text}", highlight=False, soft_wrap=True)

    def fail(self, key: str, detail: str = "") -> None:
        with self.lock:
            text = self.end(key, "fail", detail)
            self.console.print(f"✗ {self.labels[key]}  {text}", highlight=False, soft_wrap=True)

    def warn(self, message: str) -> None:
        with self.lock:
            self.console.print(f"! {message}", highlight=False, soft_wrap=True)

    def close(self) -> None:
        pass


class Rich(_Steps):
    """A live table: spinner while running, ✓/✗ and the time when done."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.warnings: list[str] = []
        self.live = Live(self._render(), console=console, refresh_per_second=8, transient=False)
        self.live.start()

    def _render(self) -> Table:
        table = Table.grid(padding=(0, 1))
        for key, label in self.labels.items():
            status, detail = self.state[key]
            if status == "run":
                mark: Spinner | Text = Spinner("dots", style="cyan")
            else:
                mark = Text("✓", style="green") if status == "ok" else Text("✗", style="red")
            table.add_row(mark, Text(label), Text(detail, style="dim"))
        for message in self.warnings:
            table.add_row(Text("!", style="yellow"), Text(message, style="yellow"), Text(""))
        return table

    def _refresh(self) -> None:
        self.live.update(self._render())

    def start(self, key: str, label: str) -> None:
        with self.lock:
            self.begin(key, label)
            self._refresh()

    def done(self, key: str, detail: str = "") -> None:
        with self.lock:
            self.end(key, "ok", detail)
            self._refresh()

    def fail(self, key: str, detail: str = "") -> None:
        with self.lock:
            self.end(key, "fail", detail)
            self._refresh()

    def warn(self, message: str) -> None:
        with self.lock:
            self.warnings.append(message)
            self._refresh()

    def close(self) -> None:
        with self.lock:
            self._refresh()
            self.live.stop()


def reporter(enabled: bool = True, console: Console | None = None) -> Reporter:
    if not enabled:
        return Silent()
    console = console or Console(stderr=True, highlight=False)
    return Rich(console) if console.is_terminal else Plain(console)


class Step:
    """One line of progress: marked failed if its block raises, done otherwise."""

    def __init__(self, report: Reporter, key: str, label: str):
        self.report, self.key, self.label = report, key, label
        self.detail = ""

    def __enter__(self) -> Step:
        self.report.start(self.key, self.label)
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            self.report.done(self.key, self.detail)
        else:
            self.report.fail(self.key)
