#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A private Docker engine with the agent image loaded, for tests written in C++ (the desktop's
widget tests): the same engine.py the scenario tests use, driven over stdin and stdout.

Prints one JSON line when ready: {"host": "unix:///…/docker.sock", "image": "clevagent-test-agent"}.
Then reads commands, one per line, and answers each with one JSON line:
  run {"AGENT": …, "CLEVAGENT_API_KEY": …, "CLEVAGENT_ENDPOINT": …, "INTERVAL": "2"}   -> {"id": CID}
  inspect CID                                                                        -> the Engine API's inspect
  kill CID                                                                           -> {"pid": main PID}, SIGKILLed
End of input (the test ends, or dies) stops the engine and removes everything it made.
On a failure the answer is {"error": "…"}.
"""
import json
import os
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import engine as docker  # noqa: E402

IMAGE = "clevagent-test-agent"
# Answers go to the real standard output; everything engine.py prints goes to standard error.
ANSWERS = sys.stdout
sys.stdout = sys.stderr


def answer(value):
    ANSWERS.write(json.dumps(value) + "\n")
    ANSWERS.flush()


def main():
    workdir = tempfile.mkdtemp(prefix="clev-docker-serve-")
    eng = None
    try:
        tarball, _, _ = docker.build_image_tarball(workdir)
        eng = docker.Engine(label="serve").start()
        eng.load_image(tarball, IMAGE, env=docker.IMAGE_ENV, cmd=docker.IMAGE_CMD)
        answer({"host": eng.host(), "image": IMAGE})
        for line in sys.stdin:
            command, _, argument = line.strip().partition(" ")
            try:
                if command == "run":
                    answer({"id": eng.run(IMAGE, env=json.loads(argument))})
                elif command == "inspect":
                    answer(eng.inspect(argument))
                elif command == "kill":
                    pid = eng.main_pid(argument)
                    os.kill(pid, signal.SIGKILL)
                    answer({"pid": pid})
                else:
                    answer({"error": "unknown command %r" % command})
            except Exception as e:  # the test reads the reason
                answer({"error": str(e)})
    except Exception as e:
        answer({"error": "the private Docker engine did not start: %s" % e})
        return 1
    finally:
        if eng is not None:
            eng.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
