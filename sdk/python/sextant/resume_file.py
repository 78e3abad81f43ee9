"""`resume="auto"` (W&B's): a run started in a folder leaves `resume-<project>.json` in the
sextant folder (./sextant or SEXTANT_DIR) until it finishes with exit code 0. If the program
crashed, was killed or failed, the next `auto` start in the same folder finds the file and
continues that run instead of starting another. Same file as the TypeScript SDK's
`sdk/src/resume-file.ts`, so either client may continue the other's run.
"""

import json
import os
import re
import time


def path_for(root, project):
    return os.path.join(root, "resume-%s.json" % re.sub(r"[^A-Za-z0-9._-]", "_", project))


def read(file, project, entity=None):
    """The run id to continue, if the file names a run of this project (and entity, if given)."""
    try:
        with open(file, encoding="utf-8") as f:
            record = json.load(f)
    except (OSError, ValueError):
        return None  # none, or torn by a crash mid-write: start a new run
    if not isinstance(record, dict) or record.get("format") != 1 or record.get("project") != project:
        return None
    if not isinstance(record.get("runId"), str):
        return None
    if entity and record.get("entity") != entity:
        return None
    return record["runId"]


def write(file, run_id, entity, project):
    os.makedirs(os.path.dirname(file), exist_ok=True)
    record = {"format": 1, "runId": run_id, "entity": entity, "project": project,
              "startedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    with open(file, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2)


def remove(file, run_id):
    """After a clean finish; leaves a file another run has taken over."""
    try:
        with open(file, encoding="utf-8") as f:
            if json.load(f).get("runId") != run_id:
                return
        os.remove(file)
    except (OSError, ValueError, AttributeError):
        pass
