"""Console capture: mirrors what the program prints into the run's console log.

`sys.stdout` and `sys.stderr` are replaced by tees that write to the original stream first
and then record the text, so the program's own printing never depends on Sextant (any
error while recording is swallowed). With `console="redirect"` the file descriptors 1 and 2
are captured instead (through a pipe read by a thread), which also catches output of C
extensions and child processes. Both are undone by `stop()`.

Lines are numbered like the TypeScript SDK's `line-recorder.ts`: text after a carriage
return (progress bars) rewrites the current line, a carriage return right before a newline
keeps it (`print(..., end="\\r")` then `print()`), and the unfinished line is emitted as it
grows so a crash never loses it.
"""

import os
import sys
import threading

# The server's limit per console line is 65,536 UTF-16 units; a longer line would get its
# whole batch refused. Half of it in code points is always within the limit.
_MAX_LINE = 32 * 1024


class LineRecorder:
    def __init__(self, emit, first_line_no=0):
        self._emit = emit
        self._line_no = first_line_no
        self._current = ""
        # A carriage return was written: the next text rewrites the line (a newline keeps it).
        self._returned = False
        self._lock = threading.Lock()

    def record(self, text, stream):
        with self._lock:
            pieces = text.split("\n")
            last = len(pieces) - 1
            for index, piece in enumerate(pieces):
                for position, part in enumerate(piece.split("\r")):
                    if position > 0:
                        self._returned = True
                    if part:
                        self._current = part if self._returned else self._current + part
                        self._returned = False
                if index < last:
                    self._emit({"lineNo": self._line_no, "text": self._current[:_MAX_LINE],
                                "stream": stream})
                    self._line_no += 1
                    self._current = ""
                    self._returned = False
            if self._current:
                self._emit({"lineNo": self._line_no, "text": self._current[:_MAX_LINE],
                            "stream": stream})


class _Tee:
    """Stands in for sys.stdout/sys.stderr: everything but write goes to the original."""

    def __init__(self, original, name, recorder):
        self._original = original
        self._name = name
        self._recorder = recorder
        self._busy = threading.local()

    def write(self, text):
        result = self._original.write(text)
        recorder = self._recorder
        if recorder is not None and not getattr(self._busy, "active", False):
            self._busy.active = True  # a warning printed while recording is not recorded again
            try:
                if isinstance(text, bytes):
                    text = text.decode("utf-8", "replace")
                recorder.record(str(text), self._name)
            except Exception:
                pass
            finally:
                self._busy.active = False
        return result

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._original, name)


class _FdPipe:
    """Captures one file descriptor: a pipe takes its place, and a thread copies what comes
    through to the original descriptor and into the recorder."""

    def __init__(self, fd, name, recorder):
        self._fd = fd
        self._saved = os.dup(fd)
        read_end, write_end = os.pipe()
        os.dup2(write_end, fd)
        os.close(write_end)
        self._read_end = read_end
        self._thread = threading.Thread(target=self._pump, args=(name, recorder),
                                        name="sextant-console-%s" % name, daemon=True)
        self._thread.start()

    def _pump(self, name, recorder):
        import codecs
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        while True:
            try:
                chunk = os.read(self._read_end, 65536)
            except OSError:
                break
            if not chunk:
                break
            view = memoryview(chunk)
            while view:  # the program's output comes first, whatever happens to recording
                try:
                    written = os.write(self._saved, view)
                except OSError:
                    break
                view = view[written:]
            try:
                recorder.record(decoder.decode(chunk), name)
            except Exception:
                pass
        os.close(self._read_end)

    def stop(self):
        # Putting the original back closes the pipe's last writer: the thread reads to the end.
        os.dup2(self._saved, self._fd)
        self._thread.join(5)
        os.close(self._saved)


class ConsoleCapture:
    def __init__(self, emit, first_line_no=0, mode="wrap"):
        self._recorder = LineRecorder(emit, first_line_no)
        self._tees = []
        self._pipes = []
        if mode == "redirect":
            for stream, fd, name in ((sys.stdout, 1, "stdout"), (sys.stderr, 2, "stderr")):
                try:
                    if stream is not None:
                        stream.flush()
                    self._pipes.append(_FdPipe(fd, name, self._recorder))
                except (OSError, ValueError, AttributeError):
                    pass  # no such descriptor (e.g. closed): nothing to capture there
            return
        for name in ("stdout", "stderr"):
            original = getattr(sys, name)
            if original is None:
                continue
            tee = _Tee(original, name, self._recorder)
            setattr(sys, name, tee)
            self._tees.append((name, tee))

    def stop(self):
        for name, tee in self._tees:
            tee._recorder = None  # if someone wrapped our tee, it now only passes text on
            if getattr(sys, name) is tee:
                setattr(sys, name, tee._original)
        self._tees = []
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except Exception:
                pass
        for pipe in self._pipes:
            try:
                pipe.stop()
            except OSError:
                pass
        self._pipes = []
