# SPDX-License-Identifier: MIT
"""The agent that runs in the test containers (/opt/clevagent/agent.py in the image).

It uses the SDK as its documentation says: clevagent.init(..., container_id=<this container's id>).
Environment: AGENT, CLEVAGENT_API_KEY, CLEVAGENT_ENDPOINT, INTERVAL (seconds, default 2), MODE:
  beat   beat forever (the default)
  crash  say a recognisable line, send one beat, then exit at once with code 3 (os._exit: no last word)
  oom    beat, then allocate memory until the kernel kills the process; after a restart of the same
         container (a marker file in its own file system) it only beats
  idle   no SDK at all: sleep until SIGTERM, then exit 0 (an innocent bystander, a watch target)
Each line printed goes to the container's log (docker logs).
"""
import os
import re
import signal
import socket
import sys
import time


def say(*words):
    print(" ".join(str(w) for w in words), flush=True)


def container_id():
    """This container's id as `docker ps` shows it (12 characters). With --network host the hostname is
    the host's, so it is read from the mounts Docker made for this container (/etc/hostname comes from
    .../containers/<id>/hostname), then from the cgroup, then the hostname is used."""
    if os.environ.get("CLEV_CONTAINER_ID"):
        return os.environ["CLEV_CONTAINER_ID"]
    try:
        with open("/proc/self/mountinfo") as f:
            for line in f:
                m = re.search(r"/containers/([0-9a-f]{64})/(hostname|hosts|resolv\.conf)", line)
                if m:
                    return m.group(1)[:12]
    except OSError:
        pass
    try:
        with open("/proc/self/cgroup") as f:
            for line in f:
                m = re.search(r"([0-9a-f]{64})", line)
                if m:
                    return m.group(1)[:12]
    except OSError:
        pass
    return socket.gethostname()


def main():
    mode = os.environ.get("MODE", "beat")
    if mode == "idle":
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
        say("idle container %s up at %.3f" % (container_id(), time.time()))
        while True:
            time.sleep(3600)

    import clevagent
    cid = container_id()
    agent = os.environ["AGENT"]
    interval = float(os.environ.get("INTERVAL", "2"))
    say("agent %s in container %s mode %s start %.3f pid %d" % (agent, cid, mode, time.time(), os.getpid()))
    clevagent.init(api_key=os.environ["CLEVAGENT_API_KEY"], agent=agent, endpoint=os.environ["CLEVAGENT_ENDPOINT"],
                   interval=interval, container_id=cid)

    if mode == "crash":
        say("CLEV-CRASH-MARKER agent %s cannot go on: exit code 3" % agent)
        result = clevagent.ping(message="one beat before the crash")
        say("beat answered %r; exiting with 3" % (result.get("ok"),))
        os._exit(3)

    marker = "/var/tmp/oom-once"
    if mode == "oom" and not os.path.exists(marker):
        os.makedirs(os.path.dirname(marker), exist_ok=True)
        with open(marker, "w") as f:
            f.write("allocating\n")
        clevagent.ping(message="about to allocate")
        say("allocating until killed")
        blocks = []
        while True:
            blocks.append(b"\x01" * (1 << 20))  # written, so really resident
            if len(blocks) % 8 == 0:
                say("allocated %d MiB" % len(blocks))

    result = clevagent.ping(message="working in %s" % cid)
    say("ready %.3f ok=%r" % (time.time(), result.get("ok")))
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
