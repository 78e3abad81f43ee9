"""Run files for the Python client: the same resumable upload protocol as the TypeScript SDK.

POST <run>/files/uploads {path, size, sha256} -> the parts the server already has;
PUT <run>/files/uploads/<id>/parts/<n> for each missing part (read from disk, never the whole
file in memory); POST .../complete. Network failures, 429 and 5xx are retried with backoff;
a retry asks again which parts arrived and sends only the others.
"""

import hashlib
import http.client
import json
import os
import random
import threading
import time
import urllib.parse


class UploadError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status

    @property
    def retryable(self):
        return self.status == 0 or self.status in (408, 429) or self.status >= 500


def hash_file(path):
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1024 * 1024)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _request(method, url, api_key, body=None, json_body=None, length=None, timeout=120):
    """One HTTP request; `body` may be a file object read `length` bytes at a time."""
    parsed = urllib.parse.urlsplit(url)
    connection_class = http.client.HTTPSConnection if parsed.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parsed.netloc, timeout=timeout)
    headers = {"authorization": "Bearer " + api_key}
    if json_body is not None:
        body = json.dumps(json_body).encode("utf-8")
        headers["content-type"] = "application/json"
        length = len(body)
    if body is not None:
        headers["content-length"] = str(length)
    path = parsed.path + ("?" + parsed.query if parsed.query else "")
    try:
        connection.putrequest(method, path)
        for key, value in headers.items():
            connection.putheader(key, value)
        connection.endheaders()
        if isinstance(body, bytes):
            connection.send(body)
        elif body is not None:
            left = length
            while left > 0:
                chunk = body.read(min(left, 1024 * 1024))
                if not chunk:
                    break
                connection.send(chunk)
                left -= len(chunk)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException) as error:
        raise UploadError(0, "cannot reach the server: %s" % error)
    finally:
        connection.close()
    if response.status >= 400:
        try:
            text = json.loads(text)["error"]["message"]
        except Exception:
            pass
        raise UploadError(response.status, "%s: %s" % (response.status, text))
    return json.loads(text) if text else {}


def upload_file(run_url, api_key, local_path, remote_path, max_attempts=8, backoff=0.5):
    """Uploads one file as `remote_path` of the run; raises UploadError when refused for good."""
    sha256, size = hash_file(local_path)
    for attempt in range(max_attempts):
        try:
            state = _request("POST", run_url + "/files/uploads", api_key,
                             json_body={"path": remote_path, "size": size, "sha256": sha256})
            if state["status"] == "complete":
                return state["file"]
            upload = run_url + "/files/uploads/" + urllib.parse.quote(state["uploadId"])
            part_size, part_count = state["partSize"], state["partCount"]
            with open(local_path, "rb") as f:
                for n in range(1, part_count + 1):
                    if n in state["receivedParts"]:
                        continue
                    length = part_size if n < part_count else size - part_size * (part_count - 1)
                    f.seek((n - 1) * part_size)
                    _request("PUT", "%s/parts/%d" % (upload, n), api_key, body=f, length=length)
            return _request("POST", upload + "/complete", api_key, json_body={})["file"]
        except UploadError as error:
            if not error.retryable or attempt + 1 >= max_attempts:
                raise
            time.sleep(random.random() * min(30, backoff * 2 ** attempt))


class RunFiles:
    """Uploads in a background thread, one file at a time; `end` files wait for finish()."""

    def __init__(self, run_url, api_key):
        self._run_url = run_url
        self._api_key = api_key
        self._at_end = {}
        self._threads = []
        self._lock = threading.Lock()

    @staticmethod
    def remote_path(local_path, base_path=None):
        base = os.path.abspath(base_path or os.getcwd())
        relative = os.path.relpath(os.path.abspath(local_path), base)
        if relative.startswith(".."):
            relative = os.path.basename(local_path)
        return relative.replace(os.sep, "/")

    def save(self, local_path, base_path=None, policy="now"):
        remote = self.remote_path(local_path, base_path)
        if policy == "end":
            self._at_end[remote] = os.path.abspath(local_path)
            return
        self._start(os.path.abspath(local_path), remote)

    def _start(self, local, remote):
        def work():
            with self._lock:
                try:
                    upload_file(self._run_url, self._api_key, local, remote)
                except Exception as error:  # never into training code
                    print("sextant: could not upload %s: %s" % (remote, error), flush=True,
                          file=__import__("sys").stderr)
        thread = threading.Thread(target=work, name="sextant-upload", daemon=True)
        thread.start()
        self._threads.append(thread)

    def finish(self, timeout=300):
        for remote, local in self._at_end.items():
            self._start(local, remote)
        self._at_end.clear()
        deadline = time.time() + timeout
        for thread in self._threads:
            thread.join(max(0, deadline - time.time()))
