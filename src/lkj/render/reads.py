"""Pandoc reads of the executed chapters, started as soon as each notebook is ready.

Reading a chapter (notebook → pandoc AST, once per target) needs only that chapter's executed
notebook, so a build starts the reads while later notebooks still run in their kernels,
instead of after the last one; the assembly then waits only for what is not done yet.
Each read goes through pandoc.read_notebook_cached (a verified cache entry per chapter and
target), so a chapter read early is byte-for-byte the chapter read late.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from lkj.render import docx, pandoc, trash
from lkj.render.quarto import Chapter

TARGETS = ("html", "typst", "docx")


class ChapterReads:
    """Futures of every (chapter, target) read; `start` is safe from any thread."""

    def __init__(
        self,
        chapters: Sequence[Chapter],
        media_root: Path,
        cache_dir: Path | None,
        workers: int,
    ):
        # pandoc extracts the pictures anew; the old ones are deleted off the critical path
        trash.discard(media_root)
        self.chapters = list(chapters)
        self.media_root = media_root
        self.media = [media_root / f"{i:02d}-{ch.stem}" for i, ch in enumerate(self.chapters)]
        self.cache_dir = cache_dir
        self._pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="lkj-pandoc")
        self._futures: dict[tuple[int, str], tuple[Path, Future[pandoc.Ast]]] = {}
        self._lock = threading.Lock()

    def start(self, index: int, executed: Path) -> None:
        """Begin the reads of chapter `index` from its executed notebook (once per path)."""
        with self._lock:
            for target in TARGETS:
                started = self._futures.get((index, target))
                if started is not None and started[0] == executed:
                    continue
                future = self._pool.submit(self._read, index, executed, target)
                self._futures[(index, target)] = (executed, future)

    def _read(self, index: int, executed: Path, target: str) -> pandoc.Ast:
        chapter = self.chapters[index]
        media = self.media[index] / target
        ast = pandoc.read_notebook_cached(executed, target, media, chapter.rel, self.cache_dir)
        if target == "docx":  # the Word book's form of the chapter, off the critical path
            ast = docx.prepare_chapter(chapter, ast, self.media_root)
        return ast

    def asts(self, target: str, executed: Sequence[Path]) -> list[pandoc.Ast]:
        """Every chapter's AST for target, in book order; reads not started yet start now."""
        for index, path in enumerate(executed):
            self.start(index, path)
        return [self._futures[(i, target)][1].result() for i in range(len(executed))]

    def take(self, target: str, executed: Sequence[Path]) -> list[pandoc.Ast]:
        """asts(), handed over to be changed in place (assembling rewrites them): the next
        asts() of target reads them again, from the pandoc cache when there is one. Cheaper
        than a deep copy on the caller's path (lkj preview: the served book first, then the
        full assembly in the background, which re-reads)."""
        asts = self.asts(target, executed)
        with self._lock:
            for index in range(len(executed)):
                del self._futures[(index, target)]
        return asts

    def __enter__(self) -> ChapterReads:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Wait for reads still running (they write into media_root), drop queued ones."""
        self._pool.shutdown(wait=True, cancel_futures=True)
