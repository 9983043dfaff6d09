# SPDX-License-Identifier: MIT
"""Shared machinery of the scenario tests: a real clevagent-server, real SDK agents as child processes,
a real webhook receiver, and a poller that records what a user of GET /api/v1/status would have seen.

Everything here runs in real time. Each test prints its measured numbers (incidents, notifications,
state flips, lags) when it ends, also when it fails, so the CI log shows them.
"""
import collections
import datetime
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SDK = os.path.join(REPO, "sdk", "python")
sys.path.insert(0, os.path.join(SDK, "tests"))
import support  # noqa: E402  (sdk/python/tests/support.py: Server, free_port, run_agent)

# Everything here talks to 127.0.0.1: never through a proxy (this process and its children).
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = ",".join(filter(None, [os.environ.get(_name), "127.0.0.1", "localhost"]))


def log(text):
    print("[scenario %s] %s" % (time.strftime("%H:%M:%S"), text), flush=True)


def parse_time(value):
    """ISO 8601 as the server writes it (2026-05-04T09:15:02.118Z) -> seconds since the epoch; None stays None."""
    if not value:
        return None
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def wait_until(predicate, timeout, what="condition", period=0.05):
    deadline = time.time() + timeout
    last = None
    while True:
        last = predicate()
        if last:
            return last
        if time.time() >= deadline:
            raise AssertionError("timed out after %.1f s waiting for %s (last: %r)" % (timeout, what, last))
        time.sleep(period)


def wait_for_binary(timeout=90.0):
    """The binary may be relinked while we start: wait until it exists and its size stands still."""
    path = os.environ.get("CLEV_SERVER_BIN") or os.path.join(REPO, "build", "src", "app", "server", "clevagent-server")
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            size = os.stat(path).st_size
            if os.access(path, os.X_OK) and size > 0 and size == last:
                os.environ["CLEV_SERVER_BIN"] = path
                return path
            last = size
        except OSError:
            last = None
        time.sleep(0.5)
    raise RuntimeError("clevagent-server not found at %s: build it first or set CLEV_SERVER_BIN" % path)


# ---- the webhook receiver -------------------------------------------------------------------------

class Receiver:
    """A webhook channel's far end: records every POST's JSON body with the time it arrived, answers 200."""

    def __init__(self):
        self.posts = []  # dicts: t, body (parsed JSON or None), raw, headers
        self._lock = threading.Condition()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw.decode("utf-8"))
                except ValueError:
                    body = None
                with receiver._lock:
                    receiver.posts.append({"t": time.time(), "body": body, "raw": raw,
                                           "headers": dict(self.headers.items())})
                    receiver._lock.notify_all()
                answer = b"{}"
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = "http://127.0.0.1:%d/hook" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                       name="webhook-receiver", daemon=True)
        self.thread.start()

    def notifications(self, agent=None, kind=None, action=None):
        """Bodies received (with "_t", the arrival time), oldest first, filtered."""
        with self._lock:
            posts = list(self.posts)
        out = []
        for p in posts:
            b = p["body"]
            if not isinstance(b, dict):
                continue
            if agent is not None and b.get("agent") != agent:
                continue
            if kind is not None and b.get("kind") != kind:
                continue
            if action is not None and b.get("action") != action:
                continue
            out.append(dict(b, _t=p["t"]))
        return out

    def wait_for(self, count=1, timeout=10.0, **filters):
        """Waits until at least `count` notifications match; returns them."""
        deadline = time.time() + timeout
        with self._lock:
            while True:
                found = self.notifications(**filters)
                if len(found) >= count:
                    return found
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError("timed out after %.1f s waiting for %d notification(s) %r; got %s"
                                         % (timeout, count, filters, summarize_notifications(self.notifications())))
                self._lock.wait(min(left, 0.2))

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def summarize_notifications(notes):
    counts = collections.Counter("%s/%s" % (n.get("kind"), n.get("action")) for n in notes)
    return ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())) or "none"


# ---- the server ----------------------------------------------------------------------------------

class ScenarioServer(support.Server):
    """support.Server, plus: a start that reports the server's own words when it does not come up."""

    def start(self):
        try:
            return super().start()
        except RuntimeError:
            self.stop_quietly()
            raise RuntimeError("clevagent-server did not start; its log:\n" + self.read_log())

    def read_log(self):
        try:
            with open(os.path.join(self.dir, "server.log"), "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def stop_quietly(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()
        self.process = None

    def request(self, method, path, body=None, key=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        r = urllib.request.Request(self.url + path, data=data, method=method,
                                   headers={"X-API-Key": key or self.admin_key, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(r, timeout=5) as reply:
                return reply.status, json.loads(reply.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def alerts(self, agent=None, kind=None, state="all"):
        query = "limit=1000&state=%s" % state
        if agent:
            query += "&agent=" + urllib.request.quote(agent)
        if kind:
            query += "&kind=" + kind
        return self.get("/api/v1/alerts?" + query)["alerts"]

    def detail(self, agent):
        return self.get("/api/v1/agents/" + urllib.request.quote(agent))


# ---- agents --------------------------------------------------------------------------------------

# Runs first in every agent: the SDK on sys.path, and the child dies with the test (PR_SET_PDEATHSIG), so
# nothing is left running even if the test process itself is killed.
AGENT_PRELUDE = """
import sys
sys.path.insert(0, %r)
try:
    import ctypes, signal as _signal
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(_signal.SIGKILL))  # PR_SET_PDEATHSIG
except Exception:
    pass
import json, os, threading, time, clevagent
def say(*words):
    print(" ".join(str(w) for w in words), flush=True)
""" % SDK


class Agent:
    """One SDK agent: a child interpreter running `script` after AGENT_PRELUDE. Its stdout lines are
    recorded with their arrival time (agents say what they did and when: "sent 3 1714811702.118 …");
    stderr is drained so the pipes never fill."""

    def __init__(self, script, env):
        self.script = script
        self.process = subprocess.Popen([sys.executable, "-c", AGENT_PRELUDE + script],
                                        env=dict(os.environ, PYTHONUNBUFFERED="1", **env),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, bufsize=1)
        self.pid = self.process.pid
        self.started_at = time.time()
        self.lines = []   # (time, line)
        self.errors = []  # stderr lines
        self._cond = threading.Condition()
        self._readers = [threading.Thread(target=self._read, args=(self.process.stdout, self.lines), daemon=True),
                         threading.Thread(target=self._read, args=(self.process.stderr, self.errors), daemon=True)]
        for r in self._readers:
            r.start()

    def _read(self, stream, into):
        for line in iter(stream.readline, ""):
            with self._cond:
                into.append((time.time(), line.rstrip("\n")) if into is self.lines else line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_line(self, prefix, timeout=10.0, after=0):
        """The first stdout line starting with `prefix` (from line index `after`): (time, line)."""
        deadline = time.time() + timeout
        with self._cond:
            while True:
                for t, line in self.lines[after:]:
                    if line.startswith(prefix):
                        return t, line
                left = deadline - time.time()
                if left <= 0 or (self.process.poll() is not None and not any(r.is_alive() for r in self._readers)):
                    raise AssertionError("agent %d: no line %r within %.1f s (exit %r); stdout %r; stderr %s"
                                         % (self.pid, prefix, timeout, self.process.poll(), self.lines[-5:],
                                            "\n".join(self.errors[-20:])))
                self._cond.wait(min(left, 0.2))

    def lines_with(self, prefix):
        with self._cond:
            return [(t, line) for t, line in self.lines if line.startswith(prefix)]

    def send(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def alive(self):
        return self.process.poll() is None

    def kill9(self):
        """kill -9: the SDK can say nothing. Returns the time of the kill."""
        t = time.time()
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        return t

    def wait(self, timeout=10.0):
        return self.process.wait(timeout=timeout)

    def reap(self):
        """Ends the child if it still runs and closes its pipes."""
        if self.process.poll() is None:
            try:
                self.process.kill()
            except OSError:
                pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
        for r in self._readers:
            r.join(timeout=2)


# ---- the poller ----------------------------------------------------------------------------------

Sample = collections.namedtuple("Sample", "t t0 t1 state looping last_message last_seen raw")


class Poller(threading.Thread):
    """Samples GET /api/v1/status every `period` s (and, if asked, GET /api/v1/alerts) in a background
    thread, recording per agent (time, state, looping, last_message). A sample's t0/t1 bracket the request;
    t is its midpoint."""

    def __init__(self, server, agents=None, period=0.25, alerts=False):
        super().__init__(name="status-poller", daemon=True)
        self.server = server
        self.agents = set(agents) if agents else None
        self.period = period
        self.with_alerts = alerts
        self.samples = collections.defaultdict(list)
        self.alert_samples = []  # (t, [alerts of the watched agents])
        self.failures = []       # (t, error) of requests that failed
        self._stop_event = threading.Event()
        self._lock = threading.Lock()

    def run(self):
        next_at = time.time()
        while not self._stop_event.is_set():
            t0 = time.time()
            try:
                status = self.server.get("/api/v1/status?limit=1000")
                t1 = time.time()
                with self._lock:
                    for a in status["agents"]:
                        if self.agents is None or a["name"] in self.agents:
                            self.samples[a["name"]].append(Sample((t0 + t1) / 2, t0, t1, a["state"], a["looping"],
                                                                  a["last_message"], parse_time(a["last_seen"]), a))
                if self.with_alerts:
                    alerts = self.server.alerts()
                    t2 = time.time()
                    if self.agents is not None:
                        alerts = [x for x in alerts if x["agent"] in self.agents]
                    with self._lock:
                        self.alert_samples.append(((t1 + t2) / 2, alerts))
            except Exception as e:  # a failed sample is recorded, not fatal
                with self._lock:
                    self.failures.append((time.time(), repr(e)))
            next_at += self.period
            self._stop_event.wait(max(0.0, next_at - time.time()))
            if time.time() - next_at > self.period:
                next_at = time.time()  # fell behind (a slow machine): do not burst

    def stop(self):
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout=10)

    def of(self, agent):
        with self._lock:
            return list(self.samples.get(agent, []))

    def alerts_over_time(self):
        with self._lock:
            return list(self.alert_samples)

    def transitions(self, agent):
        """[(t, from, to)] where consecutive samples differ in state."""
        out = []
        prev = None
        for s in self.of(agent):
            if prev is not None and s.state != prev.state:
                out.append((s.t, prev.state, s.state))
            prev = s
        return out

    def first(self, agent, predicate, after=0.0):
        for s in self.of(agent):
            if s.t0 >= after and predicate(s):
                return s
        return None

    def wait(self, agent, predicate, timeout, what="a sample", after=0.0):
        return wait_until(lambda: self.first(agent, predicate, after), timeout, what, period=0.05)


# ---- the test case -------------------------------------------------------------------------------

class ScenarioCase(unittest.TestCase):
    """A test with a server, its webhook receiver, agents and a poller, all cleaned up; it prints its
    measured numbers when it ends."""

    name = "scenario"
    maxDiff = None

    def setUp(self):
        self.t_start = time.time()
        self.notes = collections.OrderedDict()
        self.server = None
        self.receiver = None
        self.poller = None
        self.agents_started = []
        wait_for_binary()

    # ---- set-up helpers ----
    def start_server(self, config=None, webhook=True, env=None):
        """A server with `config` (and a webhook channel to a fresh receiver), `env` added to its
        environment. A test may start several; its numbers are printed once."""
        config = json.loads(json.dumps(config or {}))
        if webhook:
            self.receiver = Receiver()
            self.addCleanup(self.receiver.close)
            config.setdefault("channels", []).append({"name": "hook", "type": "webhook", "url": self.receiver.url})
        # The channel's retry (2 s, doubling) is not configurable; the receiver never refuses, so no retry
        # is needed. Notifications are sent as soon as they are queued.
        for attempt in range(3):
            server = ScenarioServer(config=config, env=env)
            self.addCleanup(self.remove_dir, server)  # after the server stopped (cleanups run last-first)
            self.addCleanup(server.stop_quietly)
            try:
                server.start()
                break
            except OSError:  # the binary was being relinked: "text file busy" and the like
                if attempt == 2:
                    raise
                time.sleep(2)
                wait_for_binary()
        self.server = server
        self.key = server.create_key("ingest")
        if not getattr(self, "_printing", False):
            self._printing = True
            self.addCleanup(self.print_measurements)  # runs before the servers stop (cleanups run last-first)
        log("%s: server on %s, database %s" % (self.id(), server.url, server.db))
        return server

    def remove_dir(self, server):
        """The server's folder (database, config, log) goes, unless the test failed or
        CLEV_KEEP_SCENARIO_DIRS is set: then its path is printed."""
        result = getattr(getattr(self, "_outcome", None), "result", None)
        failed = any(getattr(t, "test_case", t) is self
                     for t, _ in getattr(result, "failures", []) + getattr(result, "errors", []))
        if failed or os.environ.get("CLEV_KEEP_SCENARIO_DIRS"):
            print("    server folder kept: %s (server.log, sdk.db)" % server.dir, flush=True)
        else:
            shutil.rmtree(server.dir, ignore_errors=True)

    def spawn(self, agent, script, interval=None, ready=None, timeout=10.0, **env):
        full_env = {"CLEVAGENT_API_KEY": self.key, "CLEVAGENT_ENDPOINT": self.server.url, "AGENT": agent}
        if interval is not None:
            full_env["INTERVAL"] = str(interval)
        full_env.update({k: str(v) for k, v in env.items()})
        a = Agent(script, full_env)
        self.addCleanup(a.reap)
        self.agents_started.append(a)
        if ready:
            a.wait_line(ready, timeout=timeout)
        return a

    def poll(self, agents=None, period=0.25, alerts=False):
        self.poller = Poller(self.server, agents, period, alerts)
        self.poller.start()
        self.addCleanup(self.poller.stop)
        return self.poller

    def post_beat(self, beat):
        """A raw heartbeat, as any HTTP client would send it."""
        status, body = self.server.request("POST", "/api/v1/heartbeat", beat, key=self.key)
        self.assertEqual(status, 200, body)
        return body

    # ---- measuring ----
    def note(self, key, value):
        self.notes[key] = value

    def elapsed(self):
        return time.time() - self.t_start

    def print_measurements(self):
        lines = []
        try:
            if self.server is not None and self.server.process is not None:
                incidents = self.server.alerts()
                by_kind = collections.Counter("%s %s" % (i["kind"], "open" if i["resolved_at"] is None else "resolved")
                                              for i in incidents)
                lines.append("incidents: %d (%s)" % (len(incidents), ", ".join(
                    "%d %s" % (v, k) for k, v in sorted(by_kind.items())) or "none"))
        except Exception as e:
            lines.append("incidents: cannot read (%r)" % e)
        if self.receiver is not None:
            lines.append("notifications: %d (%s)" % (len(self.receiver.notifications()),
                                                     summarize_notifications(self.receiver.notifications())))
        if self.poller is not None:
            for agent in sorted(self.poller.samples):
                samples = self.poller.of(agent)
                flips = self.poller.transitions(agent)
                lines.append("%s: %d samples, %d state flips%s" % (
                    agent, len(samples), len(flips),
                    (": " + " ".join("%s>%s@%.1fs" % (f, t, at - self.t_start) for at, f, t in flips[:12])
                     + (" ..." if len(flips) > 12 else "")) if flips else ""))
            if self.poller.failures:
                lines.append("poller: %d failed samples, first %s" % (len(self.poller.failures), self.poller.failures[0][1]))
        measured = ", ".join("%s %s" % (k, v) for k, v in self.notes.items())
        print("\n%s: %s\n    %s\n    run time %.1f s" % (self.name, measured or "(nothing measured)",
                                                         "\n    ".join(lines), self.elapsed()), flush=True)


def fmt(seconds):
    return "n/a" if seconds is None else "%.1f s" % seconds
