"""``migkg build --watch``: build the corpus, then build it again each time one of its inputs is saved.

The curator's loop for a whole corpus: one process builds once, then waits for a change to a card, a
source text, a registry file or ``catalogue.yaml`` under the data folder, and builds again, whole, as
``migkg build`` would, keeping between builds what it read (:class:`migkg.build.corpus.Warm`: the cache's
decoded entries, the state of the check across releases, the workbench), so a build after one card
changed costs what that card changes, not the start of a process and the reading of 10,000 releases.

The changes come from the operating system's file events (watchdog: inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows), or, where it cannot watch that many folders, from watchdog's polling
observer. A save is seen as the events of one short burst (an editor writes a temporary file and renames
it, or writes the file twice): the build starts once the data folder has been quiet for :data:`QUIET`
seconds. A save during a build is built right after it. What the build writes (``--out``, the cache) is
never an input, even inside the data folder. The data folder removed or moved away stops the watch, with an
error; a release folder that is a symbolic link is not looked into (a note says so when the watch starts).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from migkg.build.catalogue import CATALOGUE_FILE
from migkg.cards.release import CARD_NAME, SOURCE_NAME
from migkg.errors import InputError, Location

#: seconds without a further change to an input before a build starts (one save is a burst of events; a tool
#: writing many files, git checking out a branch, is one build once it pauses this long)
QUIET = 0.1
#: how often (s) the polling observer looks, where the system's events are not to be had
POLL_EVERY = 1.0


def is_input(data_dir: Path, path: str) -> str | None:
    """``path`` relative to ``data_dir`` (as text) if it is one of the corpus's inputs, or a release's folder;
    else None. The inputs: ``releases/<id>/card.yaml`` and ``source.txt``, a folder directly under
    ``releases/`` (a release added, removed or renamed; not a hidden one, which the build skips), a registry
    file (``registry/*.yaml``), ``catalogue.yaml``, and the ``releases/`` and ``registry/`` folders themselves."""
    try:
        parts = Path(path).relative_to(data_dir).parts
    except ValueError:
        return None
    if not parts:
        return None
    relevant = ((parts[0] == "releases" and (len(parts) == 1 or (len(parts) == 2 and not parts[1].startswith("."))
                                             or (len(parts) == 3 and parts[2] in (CARD_NAME, SOURCE_NAME))))
                or (parts[0] == "registry" and (len(parts) == 1 or (len(parts) == 2 and parts[1].endswith(".yaml"))))
                or parts == (CATALOGUE_FILE,))
    return "/".join(parts) if relevant else None


class Changes(FileSystemEventHandler):
    """The inputs changed since they were last taken (:meth:`take`), from the observer's thread."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.identity = _identity(data_dir)  # the folder watched (a folder put in its place is not it)
        self.lock = threading.Lock()
        self.changed: set[str] = set()
        self.last = 0.0                  # when the last one came (time.monotonic)
        self.arrived = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):  # reading a file changes nothing
            return
        if event.is_directory and event.event_type == "modified":  # a file in it changed: that file's own event says
            return
        paths = [str(event.src_path), str(getattr(event, "dest_path", ""))]
        if event.event_type in ("deleted", "moved") and Path(paths[0]) == self.data_dir:
            found = ["."]  # the data folder itself: the watch says so, and stops
        else:
            found = [name for name in (is_input(self.data_dir, path) for path in paths if path) if name is not None]
        if not found:
            return
        with self.lock:
            self.changed.update(found)
            self.last = time.monotonic()
        self.arrived.set()

    def wait(self, stop: threading.Event, quiet: float = QUIET) -> list[str]:
        """Block until some input changed and the folder has then been quiet for ``quiet`` s; the inputs that
        changed, sorted (empty once ``stop`` is set)."""
        while not self.arrived.wait(0.2):
            if stop.is_set():
                return []
            if self.gone():  # a rename of the watched folder itself has no event of its own
                return ["."]
        while True:
            with self.lock:
                left = self.last + quiet - time.monotonic()
                if left <= 0:
                    changed, self.changed = sorted(self.changed), set()
                    self.arrived.clear()
                    return changed
            time.sleep(left)

    def pending(self) -> bool:
        return self.arrived.is_set()

    def gone(self) -> bool:
        """Whether the data folder watched is no longer where it was (removed, moved away, or replaced)."""
        return _identity(self.data_dir) != self.identity


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        found = folder.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def start_observer(data_dir: Path, changes: Changes, *, polling: bool = False,
                   note: Callable[[str], None] | None = None) -> BaseObserver:
    """An observer of ``data_dir`` (and everything under it) that tells ``changes``: the system's file events,
    or (``polling``, or where those cannot watch so many folders) watchdog's polling observer."""
    if not polling:
        observer: BaseObserver = Observer()
        try:
            observer.schedule(changes, str(data_dir), recursive=True)
            observer.start()
            return observer
        except OSError as err:  # e.g. inotify's limit of watches per user, below the number of release folders
            observer.stop()
            if note is not None:
                note(f"the system's file events cannot watch {data_dir} ({err.strerror or err}); looking for "
                     f"changes every {POLL_EVERY:g} s instead (on Linux, raising fs.inotify.max_user_watches "
                     "brings them back)")
    observer = PollingObserver(timeout=POLL_EVERY)
    observer.schedule(changes, str(data_dir), recursive=True)
    observer.start()
    return observer


def watch(data_dir: Path, build: Callable[[list[str]], None], *, stop: threading.Event | None = None,
          polling: bool = False, note: Callable[[str], None] | None = None,
          ready: Callable[[], None] | None = None) -> None:
    """Call ``build([])`` once, then ``build(changed inputs)`` after each change to the inputs of ``data_dir``,
    until ``stop`` is set (or KeyboardInterrupt, which the caller catches). The observer starts before the
    first build, so a save during it is not missed. ``ready()`` is called each time the loop waits."""
    data_dir = Path(data_dir).resolve()
    stop = stop or threading.Event()
    changes = Changes(data_dir)
    observer = start_observer(data_dir, changes, polling=polling, note=note)
    linked = [folder.name for folder in (data_dir / "releases").iterdir() if folder.is_symlink()] \
        if (data_dir / "releases").is_dir() else []
    if linked and note is not None:
        note(f"{len(linked)} release folder(s) are symbolic links ({', '.join(sorted(linked)[:3])}"
             f"{' ...' if len(linked) > 3 else ''}): a save inside them is not seen; it is built with the next "
             "change that is")
    try:
        build([])
        while not stop.is_set():
            if ready is not None and not changes.pending():
                ready()
            changed = changes.wait(stop)
            if changed and changes.gone():
                raise InputError(Location(data_dir), "was removed or moved away while it was watched.",
                                 "put it back, then start the watch again.")
            if changed:
                build(changed)
    finally:
        observer.stop()
        observer.join(timeout=5)
