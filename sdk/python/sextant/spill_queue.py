"""A FIFO with bounded memory that spills to disk while the server is away.

The same design and on-disk format as the TypeScript SDK's `sdk/src/spill-queue.ts`: the
oldest items (the head, which batches are cut from) stay in memory; once `max_memory` of
them wait, newer items gather in a tail that goes to disk in segment files
`<name>-000000.jsonl` (one JSON item per line) in the run's `spill/` folder, read back in
order as the head drains. Order is always head → segments → tail, so a server that comes
back receives everything in the order it was logged, exactly once (stream offsets make a
retried batch harmless). `push` leaves the disk to a background thread that writes the
segments, so logging stays cheap enough for a training loop; only when the program logs
faster than that thread can write does `push` write a segment itself, to keep memory bounded.
"""

import collections
import json
import os
import queue
import shutil
import sys
import threading


# Segments waiting for the writer thread before `push` writes one itself.
_MAX_UNWRITTEN = 2


class _Segment:
    __slots__ = ("file", "count", "items", "written")

    def __init__(self, file, items):
        self.file = file
        self.count = len(items)
        # Kept until the file is written, then dropped so memory stays bounded.
        self.items = items
        self.written = threading.Event()


_writer_lock = threading.Lock()
_writer_jobs = None


def _submit(job):
    """Queues a segment write on the one background writer thread (started on first use)."""
    global _writer_jobs
    with _writer_lock:
        if _writer_jobs is None:
            _writer_jobs = queue.Queue()
            threading.Thread(target=_write_segments, args=(_writer_jobs,), name="sextant-spill",
                             daemon=True).start()
    _writer_jobs.put(job)


def _write_segments(jobs):
    while True:
        owner, segment = jobs.get()
        owner._write(segment)


def _warn(message):
    try:
        sys.stderr.write(message + "\n")
    except Exception:
        pass


class SpillQueue:
    def __init__(self, name, directory, max_memory, segment_size, replaces=None):
        """`directory` is called (and created) on the first spill only; `replaces(last, new)`
        says whether a new item may overwrite the last queued one (a console line redrawn)."""
        self._name = name
        self._directory = directory
        self._max_memory = max_memory
        self._segment_size = segment_size
        self._replaces = replaces
        self._lock = threading.Lock()
        self._head = []
        self._segments = collections.deque()
        self._tail = []
        # Items at the front of head that belong to a batch in flight (never rewritten).
        self._pinned = 0
        self._sequence = 0
        self._spilled = 0
        self._folder = None

    def __len__(self):
        with self._lock:
            return len(self._head) + len(self._tail) + sum(s.count for s in self._segments)

    @property
    def spilled(self):
        """Segments written to disk since the queue was created."""
        return self._spilled

    @property
    def in_memory(self):
        """Items held in memory (what the bound applies to)."""
        with self._lock:
            return len(self._head) + len(self._tail) + sum(
                s.count for s in self._segments if s.items is not None)

    def push(self, item):
        with self._lock:
            in_head = not self._segments and not self._tail
            last = self._head if in_head else self._tail
            if (self._replaces is not None and len(last) > (self._pinned if in_head else 0)
                    and self._replaces(last[-1], item)):
                last[-1] = item
                return
            if in_head and len(self._head) < self._max_memory:
                self._head.append(item)
                return
            self._tail.append(item)
            if len(self._tail) < self._segment_size:
                return
            items, self._tail = self._tail, []
            segment = self._new_segment(items)
            behind = sum(1 for s in self._segments if not s.written.is_set())
            self._segments.append(segment)
        if not segment.file:
            segment.written.set()
        elif behind >= _MAX_UNWRITTEN:
            # Logging outpaces the writer thread: write this one here so memory stays bounded.
            self._write(segment)
        else:
            _submit((self, segment))

    def _new_segment(self, items):
        try:
            if self._folder is None:
                folder = self._directory()
                # Owner only: spilled items hold metrics, config and console output.
                os.makedirs(folder, mode=0o700, exist_ok=True)
                self._folder = folder
            name = "%s-%06d.jsonl" % (self._name, self._sequence)
            self._sequence += 1
            return _Segment(os.path.join(self._folder, name), items)
        except Exception as error:
            # No folder (read-only disk): keep the items in memory rather than lose them.
            _warn("sextant: could not spill to disk: %s" % error)
            return _Segment("", items)

    def _write(self, segment):
        try:
            fd = os.open(segment.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(fd, "w", encoding="utf-8") as f:
                for item in segment.items:
                    f.write(json.dumps(item, allow_nan=False, separators=(",", ":")))
                    f.write("\n")
            with self._lock:
                segment.items = None
                self._spilled += 1
        except Exception as error:
            # A full or read-only disk: the items stay in memory.
            _warn("sextant: could not spill to %s: %s" % (segment.file, error))
        finally:
            segment.written.set()

    def peek(self, count):
        """Up to `count` items from the front, reading spilled segments back as needed. They
        stay queued until `drop` is called for them, so a failed send loses nothing. Called
        from the sender thread only."""
        while True:
            with self._lock:
                if len(self._head) >= count or not (self._segments or self._tail):
                    break
                if not self._segments:
                    self._head.extend(self._tail)
                    self._tail = []
                    break
                segment = self._segments[0]
            items = self._load(segment)
            with self._lock:
                # Only now leave the segment list, so a push meanwhile could not jump ahead of it.
                self._segments.popleft()
                self._head.extend(items)
        with self._lock:
            batch = self._head[:count]
            self._pinned = len(batch)
            return batch

    def drop(self, count):
        """Forgets the first `count` items (the server has them)."""
        with self._lock:
            del self._head[:count]
            self._pinned = 0

    def dispose(self):
        """Removes the spill folder (once the queue is empty for good)."""
        for segment in list(self._segments):
            segment.written.wait(10)
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)

    def _load(self, segment):
        segment.written.wait()
        items = segment.items
        if items is None:
            try:
                with open(segment.file, encoding="utf-8") as f:
                    items = [json.loads(line) for line in f if line.strip()]
            except (OSError, ValueError) as error:
                # Removed or damaged behind our back: go on with the rest rather than stall.
                _warn("sextant: lost a spilled segment %s: %s" % (segment.file, error))
                items = []
        if segment.file:
            try:
                os.remove(segment.file)
            except OSError:
                pass
        return items
