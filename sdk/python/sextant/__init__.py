"""Sextant client for Python: the standard library only.

    import sextant
    run = sextant.init(project="mnist", config={"lr": 3e-4})
    for step in range(1000):
        sextant.log({"train/loss": loss(step)})
    sextant.finish()

`log()` only queues; a background thread batches rows every second, gzips them, and retries
with backoff until the server acknowledges them (stream offsets make retries safe). While
the server is away, the queues keep a bounded number of rows in memory and spill the rest
to `./sextant/run-<time>-<id>/spill/` (spill_queue.py), replayed in order when it is back.
What the program prints is captured into the run's console log (console.py).

Offline (`SEXTANT_MODE=offline` or `init(mode="offline")`) nothing touches the network: the
run is written to `./sextant/offline-run-<time>-<id>/` (or under SEXTANT_DIR) in the same
format as the TypeScript SDK (run.json + batches.jsonl), and `sextant sync` uploads it.
"""

import atexit
import gzip
import json
import math
import os
import random
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from . import code_saving, resume_file
from .console import ConsoleCapture
from .spill_queue import SpillQueue

__all__ = ["Error", "init", "log", "save", "finish", "alert", "mark_preempting", "define_metric", "config", "summary", "Run"]

_run = None


def _encode(value):
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, (int, float)):
        value = float(value)
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    return None


class Error(RuntimeError):
    """What `init` raises when the server refuses to start the run (e.g. a resume mode)."""


class _HttpError(Error):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status

    @property
    def retryable(self):
        return self.status in (0, 408, 429) or self.status >= 500


def _post(url, api_key, body, timeout=30, method="POST"):
    data = json.dumps(body, allow_nan=False).encode("utf-8")
    headers = {"authorization": "Bearer " + api_key, "content-type": "application/json"}
    if len(data) > 1024:
        data = gzip.compress(data)
        headers["content-encoding"] = "gzip"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        try:
            text = json.loads(text)["error"]["message"]
        except Exception:
            pass
        raise _HttpError(error.code, "%s: %s" % (error.code, text))
    except (urllib.error.URLError, OSError) as error:
        raise _HttpError(0, "cannot reach the server: %s" % error)


class _Dict(dict):
    def __init__(self, on_change):
        super().__init__()
        self._on_change = on_change

    def update(self, values=None, **kwargs):
        values = dict(values or {}, **kwargs)
        super().update(values)
        self._on_change(values)

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self._on_change({key: value})


def _online_transport(stream_url, api_key):
    return lambda body: _post(stream_url, api_key, body)


class _OfflineTransport:
    """Appends each batch to batches.jsonl and acknowledges it as the server would."""

    def __init__(self, directory):
        self._file = os.path.join(directory, "batches.jsonl")
        self._history_offset = 0
        self._system_offset = 0

    def __call__(self, body):
        if body:
            with open(self._file, "a", encoding="utf-8") as f:
                f.write(json.dumps(body, allow_nan=False, separators=(",", ":")) + "\n")
        if "history" in body:
            self._history_offset = body["history"]["offset"] + len(body["history"]["rows"])
        if "system" in body:
            self._system_offset = body["system"]["offset"] + len(body["system"]["rows"])
        return {"historyOffset": self._history_offset, "systemOffset": self._system_offset,
                "state": "OFFLINE", "stopRequested": False}


def _run_directory(root, kind, run_id):
    """`run-<UTC time>-<id>` (online: only its spill/ folder, and only during an outage) or
    `offline-run-<UTC time>-<id>`, named as the TypeScript SDK names them."""
    return os.path.join(root, "%s-%s-%s" % (kind, time.strftime("%Y%m%d_%H%M%S", time.gmtime()), run_id))


def _offline_directory(root, project, entity, run_id, upsert):
    """`offline-run-<UTC time>-<id>/` with run.json, exactly as the TypeScript SDK writes it."""
    directory = _run_directory(root, "offline-run", run_id)
    os.makedirs(directory, exist_ok=True)
    meta = {"format": 1, "project": project, "runId": run_id,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "upsert": upsert}
    if entity:
        meta["entity"] = entity
    with open(os.path.join(directory, "run.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
    open(os.path.join(directory, "batches.jsonl"), "a").close()
    return directory


_BATCH_ROWS = 2000
_MAX_SYSTEM_ROWS = 1000
_MAX_CONSOLE_LINES = 5000


class Run:
    def __init__(self, handle, transport, url, interval, api=None, offline_dir=None,
                 system_interval=10.0, spill_dir=None, memory_rows=20000, console="off",
                 resume_path=None):
        self.id = handle["runId"]
        self.entity = handle["entity"]
        self.project = handle["project"]
        self.url = url
        self.mode = "online" if api else "offline"
        self.dir = offline_dir
        self.stop_requested = False
        self._api = api
        self._transport = transport
        self._preempting = False
        self._system_interval = system_interval
        self._resume_path = resume_path
        self._lock = threading.Lock()
        # The queues keep a bounded number of rows in memory and spill the rest to the run's
        # local directory while the server is away (see spill_queue.py).
        spill = lambda: spill_dir
        memory_rows = max(_BATCH_ROWS, int(memory_rows))
        self._history = SpillQueue("history", spill, memory_rows, max(100, min(5000, memory_rows >> 2)))
        self._history_offset = handle["historyOffset"]
        self._system = SpillQueue("system", spill, 2 * _MAX_SYSTEM_ROWS, 500)
        self._system_offset = handle["systemOffset"]
        # A line redrawn (progress bar) replaces its queued self instead of queueing again.
        self._console = SpillQueue("console", spill, 2 * _MAX_CONSOLE_LINES, 2000,
                                   replaces=lambda last, new: last["lineNo"] == new["lineNo"])
        self._summary = {}
        self._config = {}
        self._summary_metrics = {}
        self._step = handle["lastStep"] + 1
        self._finished = False
        self._retry_at = 0.0
        self._attempt = 0
        self._unsent = 0
        self._heartbeat = float(os.environ.get("SEXTANT_HEARTBEAT_MS") or 30000) / 1000
        self._last_contact = time.time()
        self.config = _Dict(lambda values: self._queue("_config", values))
        self.summary = _Dict(lambda values: self._queue("_summary", values))
        self._capture = None
        if console in ("wrap", "redirect"):
            self._capture = ConsoleCapture(self._console.push, handle.get("consoleOffset") or 0, console)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)
        self._thread.start()

    @property
    def pending_rows(self):
        """History rows logged but not yet acknowledged (in memory or spilled to disk)."""
        return len(self._history)

    @property
    def spilled_segments(self):
        """Segment files written to disk because the server could not keep up."""
        return self._history.spilled + self._system.spilled + self._console.spilled

    def _queue(self, name, values):
        with self._lock:
            getattr(self, name).update(values)

    def log(self, values, step=None):
        """Records numeric values for a step (the next one by default). Only queues: never
        waits for the network."""
        if self._finished:
            return
        if step is not None:
            self._step = max(self._step, int(step))
        row = {}
        for key, value in values.items():
            encoded = _encode(value)
            if encoded is not None:
                row[str(key)] = encoded
        if row:
            # Wall-clock time of the step, the `_timestamp` series charts plot time axes from.
            row["_timestamp"] = time.time()
            self._history.push({"step": self._step, "values": row})
            self._step += 1
            # A full batch goes out early (once per batch, and not while backing off).
            self._unsent += 1
            if self._unsent >= _BATCH_ROWS and time.time() >= self._retry_at:
                self._unsent = 0
                self._wake.set()

    def _log_system(self, values):
        self._system.push({"timestamp": time.time(), "values": values})

    def _loop(self, interval):
        sampler = _SystemSampler()
        next_sample = time.time() + self._system_interval
        while not self._stop.is_set():
            self._wake.wait(interval)
            self._wake.clear()
            if self._stop.is_set():
                break
            if self._system_interval > 0 and time.time() >= next_sample:
                self._log_system(sampler.sample())
                next_sample = time.time() + self._system_interval
            try:
                self._send()
            except Exception:
                pass

    def _send(self, finish=None):
        if time.time() < self._retry_at and finish is None:
            return False
        rows = self._history.peek(_BATCH_ROWS)
        system = self._system.peek(_MAX_SYSTEM_ROWS)
        lines = self._console.peek(_MAX_CONSOLE_LINES)
        with self._lock:
            summary = dict(self._summary)
            config = dict(self._config)
            summary_metrics = dict(self._summary_metrics)
        # Finish only once everything before it went out.
        carries_finish = (finish is not None and len(rows) == len(self._history)
                          and len(system) == len(self._system) and len(lines) == len(self._console))
        body = {}
        if rows:
            body["history"] = {"offset": self._history_offset, "rows": rows}
        if system:
            body["system"] = {"offset": self._system_offset, "rows": system}
        if lines:
            body["console"] = lines
        if summary:
            body["summary"] = summary
        if config:
            body["config"] = config
        if summary_metrics:
            body["summaryMetrics"] = summary_metrics
        if carries_finish:
            body["finish"] = finish
        # With nothing to send, still tell the server the run is alive now and then.
        if not body and time.time() - self._last_contact < self._heartbeat:
            return False
        try:
            ack = self._transport(body)
        except _HttpError as error:
            if error.retryable:
                self._retry_at = time.time() + random.random() * min(30, 0.5 * 2 ** self._attempt)
                self._attempt += 1
                raise
            # Refused for good (bad data): drop it rather than block the run.
            sys.stderr.write("sextant: dropped a batch the server refused: %s\n" % error)
            self._history.drop(len(rows))
            self._system.drop(len(system))
            self._console.drop(len(lines))
            with self._lock:
                for pending, sent in ((self._summary, summary), (self._config, config),
                                      (self._summary_metrics, summary_metrics)):
                    for key in sent:
                        pending.pop(key, None)
            return carries_finish
        history = max(0, min(len(rows), ack["historyOffset"] - self._history_offset))
        self._history.drop(history)
        self._history_offset += history
        acknowledged = max(0, min(len(system), ack["systemOffset"] - self._system_offset))
        self._system.drop(acknowledged)
        self._system_offset += acknowledged
        self._console.drop(len(lines))
        with self._lock:
            for key, value in summary.items():
                if self._summary.get(key) is value:
                    del self._summary[key]
            for key, value in config.items():
                if self._config.get(key) is value:
                    del self._config[key]
            for key, value in summary_metrics.items():
                if self._summary_metrics.get(key) == value:
                    del self._summary_metrics[key]
        self._attempt = 0
        self._retry_at = 0
        self._last_contact = time.time()
        if ack.get("stopRequested"):
            self.stop_requested = True
        return carries_finish

    def define_metric(self, name, summary="last"):
        """Chooses what the run summary shows for a metric, like wandb's define_metric:
        "last" (default), "min", "max", "mean" or "none". Values logged before count too."""
        if summary not in ("last", "min", "max", "mean", "none"):
            raise ValueError("summary must be one of last, min, max, mean, none")
        self._queue("_summary_metrics", {str(name): summary})

    def mark_preempting(self):
        """The machine is being taken away (spot reclaim, scheduler SIGTERM): `finish` then
        reports the run as preempted instead of failed, and `init(id=...)` resumes it later."""
        self._preempting = True

    def alert(self, title, text="", level="INFO", wait_duration=None):
        """Sends a custom alert (email/Slack per the alert settings). Returns True when queued,
        False when rate-limited by `wait_duration` (seconds) or not delivered. Never raises."""
        if self._api is None:
            return False
        body = {"title": title, "text": text, "level": level}
        if wait_duration is not None:
            body["waitDurationSeconds"] = wait_duration
        try:
            return bool(_post(self._api[0] + "/alerts", self._api[1], body, timeout=10)["queued"])
        except Exception as error:  # never into the training loop
            sys.stderr.write("sextant: alert %r not sent: %s\n" % (title, error))
            return False

    def finish(self, exit_code=0, timeout=60):
        """Sends everything left (also what spilled to disk) and marks the run finished (0),
        failed (non-zero), or preempted (after `mark_preempting`)."""
        if self._finished:
            return True
        self._finished = True
        if self._capture is not None:
            self._capture.stop()
        self._stop.set()
        self._wake.set()
        self._thread.join()
        deadline = time.time() + timeout
        marker = {"exitCode": int(exit_code)}
        if self._preempting:
            marker["preempted"] = True
        while time.time() < deadline:
            try:
                if self._send(finish=marker):
                    break
            except _HttpError:
                time.sleep(min(max(0.05, self._retry_at - time.time()), max(0.05, deadline - time.time())))
            except Exception:  # never into the training loop
                time.sleep(0.5)
        else:
            sys.stderr.write("sextant: could not reach the server to finish the run\n")
            return False
        for spilled in (self._history, self._system, self._console):
            spilled.dispose()
        # Finished cleanly: `resume="auto"` starts a new run next time.
        if self._resume_path and int(exit_code) == 0 and not self._preempting:
            resume_file.remove(self._resume_path, self.id)
        return True


class _SystemSampler:
    """cpu, memory, proc.memory.rssMB and proc.cpu.threads from /proc (skipped where absent)."""

    def __init__(self):
        self._last = (time.time(), os.times())

    def sample(self):
        values = {}
        now, times = time.time(), os.times()
        wall = now - self._last[0]
        if wall > 0:
            used = (times.user + times.system) - (self._last[1].user + self._last[1].system)
            values["cpu"] = 100.0 * used / wall / (os.cpu_count() or 1)
        self._last = (now, times)
        try:
            with open("/proc/meminfo") as f:
                info = dict(line.split(":", 1) for line in f)
            total = float(info["MemTotal"].split()[0])
            available = float(info["MemAvailable"].split()[0])
            values["memory"] = 100.0 * (total - available) / total
            values["proc.memory.availableMB"] = available / 1024
            with open("/proc/self/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
            rss_mb = float(status["VmRSS"].split()[0]) / 1024
            values["proc.memory.rssMB"] = rss_mb
            values["proc.memory.percent"] = 100.0 * rss_mb * 1024 / total
            values["proc.cpu.threads"] = float(status["Threads"].strip())
        except (OSError, KeyError, ValueError):
            pass
        return values


def init(project, entity=None, id=None, name=None, config=None, tags=None, group=None, job_type=None,
         notes=None, api_key=None, base_url=None, flush_interval=1.0, mode=None, save_code=None,
         resume=None, console=None, memory_queue_rows=20000, dir=None):
    """Starts (or resumes, with `id`) a run; online, the one call that waits for the server.

    mode: "online" (default), "offline" (write a local run directory for `sextant sync`), or
    the SEXTANT_MODE environment variable. save_code: save diff.patch, the entry script and
    requirements with the run (default SEXTANT_SAVE_CODE, else the team's setting).

    resume (online, like wandb): "allow" (default) continues run `id` if it exists, else
    creates it; "must" continues run `id` and raises `sextant.Error` if it does not exist;
    "never" raises if run `id` exists; "auto" (or True), without an `id`, continues the last
    "auto" run started in this folder unless it finished with exit code 0.

    console: "wrap" (default; tee sys.stdout/sys.stderr into the run's console log),
    "redirect" (capture file descriptors 1 and 2, which also catches C extensions and child
    processes), or "off"; default SEXTANT_CONSOLE. Inside `sextant run` the CLI captures it.

    memory_queue_rows: history rows held in memory while the server is slow or away; later
    ones spill to disk under `dir` (default SEXTANT_DIR or ./sextant) until it is back.
    """
    global _run
    mode = mode or os.environ.get("SEXTANT_MODE") or "online"
    if mode not in ("online", "offline"):
        raise ValueError("sextant: mode must be online or offline (got %r)" % mode)
    if resume is True:
        resume = "auto"
    if resume not in (None, False, "allow", "must", "never", "auto"):
        raise ValueError("sextant: resume must be allow, must, never or auto (got %r)" % (resume,))
    wrapped = os.environ.get("SEXTANT_WRAPPED") == "1"
    console = console or os.environ.get("SEXTANT_CONSOLE") or ("off" if wrapped else "wrap")
    if console == "auto":
        console = "wrap"
    if console not in ("wrap", "redirect", "off"):
        raise ValueError("sextant: console must be wrap, redirect or off (got %r)" % (console,))
    root = os.path.abspath(dir or os.environ.get("SEXTANT_DIR") or "sextant")
    entity = entity or os.environ.get("SEXTANT_ENTITY")
    resume_path = resume_file.path_for(root, project) if mode == "online" and resume == "auto" else None
    run_id = (id or os.environ.get("SEXTANT_RUN_ID")
              or (resume_path and resume_file.read(resume_path, project, entity))
              or "%08x" % random.getrandbits(32))
    body = {
        "host": socket.gethostname(),
        "os": sys.platform,
        "languageVersion": "python " + sys.version.split()[0],
        "program": sys.argv[0] if sys.argv else None,
        "command": " ".join(sys.argv)[:4000],
    }
    git = code_saving.git_state()
    if git["remote"]:
        body["gitRemote"] = git["remote"][:1024]
    if git["commit"]:
        body["gitCommit"] = git["commit"]
    for key, value in (("displayName", name), ("config", config), ("tags", tags), ("group", group),
                       ("jobType", job_type), ("notes", notes)):
        if value is not None:
            body[key] = value
    # Inside `sextant run` the CLI samples the program's process tree itself.
    system_interval = float(os.environ.get("SEXTANT_SYSTEM_METRICS_INTERVAL_MS") or (0 if wrapped else 10000)) / 1000
    if mode == "offline":
        directory = _offline_directory(root, project, entity, run_id, body)
        handle = {"runId": run_id, "entity": entity or "", "project": project,
                  "historyOffset": 0, "systemOffset": 0, "lastStep": -1}
        _run = Run(handle, _OfflineTransport(directory), directory, flush_interval,
                   offline_dir=directory, system_interval=system_interval,
                   spill_dir=os.path.join(directory, "spill"), memory_rows=memory_queue_rows,
                   console=console)
        _finish_at_exit(_run)
        return _run
    api_key = api_key or os.environ.get("SEXTANT_API_KEY")
    if not api_key:
        raise RuntimeError("sextant: set SEXTANT_API_KEY or pass api_key to init() (or use mode=\"offline\")")
    base_url = (base_url or os.environ.get("SEXTANT_BASE_URL") or "http://localhost:3000").rstrip("/")
    if not entity:
        viewer = _post(base_url + "/api/graphql", api_key, {"query": "{ viewer { username } }"})
        entity = ((viewer.get("data") or {}).get("viewer") or {}).get("username")
        if not entity:
            raise RuntimeError("sextant: pass entity=; this API key does not belong to a person")
    quote = lambda part: urllib.parse.quote(part, safe="")
    path = "%s/api/v1/runs/%s/%s/%s" % (base_url, quote(entity), quote(project), quote(run_id))
    try:
        # Offline runs leave `resume` out: `sextant sync` may upsert the same run more than once.
        handle = _post(path, api_key, dict(body, resume=resume) if resume else body)
    except _HttpError as error:
        raise Error("sextant: cannot start run %s: %s" % (run_id, error)) from None
    if resume_path:
        try:
            resume_file.write(resume_path, handle["runId"], handle["entity"], handle["project"])
        except OSError as error:
            sys.stderr.write("sextant: resume file not written: %s\n" % error)
    run_url = path.rsplit("/", 1)[0] + "/" + quote(handle["runId"])
    url = "%s/%s/%s/runs/%s" % (base_url, handle["entity"], handle["project"], handle["runId"])
    _run = Run(handle, _online_transport(run_url + "/stream", api_key), url, flush_interval,
               api=(run_url, api_key), system_interval=system_interval,
               spill_dir=os.path.join(_run_directory(root, "run", handle["runId"]), "spill"),
               memory_rows=memory_queue_rows, console=console, resume_path=resume_path)
    _finish_at_exit(_run)
    if code_saving.wants_code_saving(save_code, handle.get("codeSavingDefault")):
        code = code_saving.collect_code(git, entry=sys.argv[0] if sys.argv else None)
        for name in (code[1] if code else []):
            save(os.path.join(code[0], name), base_path=code[0], policy="now")
    return _run


# Set by the excepthook: the program is ending because of an uncaught exception.
_uncaught_exit_code = None
_previous_excepthook = None


def _excepthook(kind, value, traceback):
    global _uncaught_exit_code
    _uncaught_exit_code = 130 if issubclass(kind, KeyboardInterrupt) else 1
    (_previous_excepthook or sys.__excepthook__)(kind, value, traceback)


def _on_sigterm(signum, frame):
    """SIGTERM is how schedulers (Slurm, Kubernetes, spot reclaims) preempt a job: the program
    ends as Python ends on Ctrl-C (finally blocks run), and the run is reported preempted."""
    global _uncaught_exit_code
    if _run is not None:
        _run.mark_preempting()
    _uncaught_exit_code = 143
    raise SystemExit(143)


def _finish_at_exit(run):
    """At interpreter exit the run is finished: failed if an uncaught exception ended the
    program (its traceback, printed first, is in the console log), preempted after SIGTERM,
    finished otherwise. A SIGTERM handler of the program's own is left alone."""
    global _previous_excepthook
    if sys.excepthook is not _excepthook:
        _previous_excepthook = sys.excepthook
        sys.excepthook = _excepthook
    try:
        if (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL):
            signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):
        pass  # no signals here (e.g. an embedded interpreter)
    atexit.register(lambda: run.finish(_uncaught_exit_code or 0))


def log(values, step=None):
    if _run is None:
        raise RuntimeError("sextant: call sextant.init() first")
    _run.log(values, step=step)


def alert(title, text="", level="INFO", wait_duration=None):
    """A custom alert for the current run; returns whether it was queued (never raises)."""
    if _run is None:
        raise RuntimeError("sextant: call sextant.init() first")
    return _run.alert(title, text=text, level=level, wait_duration=wait_duration)


def define_metric(name, summary="last"):
    if _run is None:
        raise RuntimeError("sextant: call sextant.init() first")
    _run.define_metric(name, summary=summary)


def mark_preempting():
    if _run is not None:
        _run.mark_preempting()


# ─── Files (sextant/files.py) ───
_files = None


def save(path, base_path=None, policy="now"):
    """Uploads a file to the current run in the background (`policy="end"`: at finish()).
    Resumes after network failures; never raises into training code."""
    global _files
    if _run is None:
        raise RuntimeError("sextant: call sextant.init() first")
    api = getattr(_run, "_api", None) or getattr(_run, "api", None)
    if not api:
        print("sextant: save(%s) needs an online run; the file was not saved" % path, file=sys.stderr)
        return
    if _files is None:
        from .files import RunFiles
        _files = RunFiles(api[0], api[1])
    _files.save(path, base_path=base_path, policy=policy)


def finish(exit_code=0, timeout=60):
    """Sends everything left and ends the run; False if the server could not be reached
    within `timeout` seconds."""
    if _files is not None:
        _files.finish()
    if _run is not None:
        return _run.finish(exit_code, timeout=timeout)
    return True


class _Proxy:
    def __init__(self, name):
        self._name = name

    def update(self, values=None, **kwargs):
        if _run is None:
            raise RuntimeError("sextant: call sextant.init() first")
        getattr(_run, self._name).update(values, **kwargs)

    def __setitem__(self, key, value):
        self.update({key: value})


config = _Proxy("config")
summary = _Proxy("summary")
