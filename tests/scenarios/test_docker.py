# SPDX-License-Identifier: MIT
"""Scenarios: auto-restart of agents in containers, against a real Docker engine.

A private dockerd (tests/docker/engine.py: its own data root, exec root and socket under /tmp, no
bridge, no iptables) runs real containers made from this machine's own Python and the SDK
(tests/docker/agent.py); containers use the host's network, so their agents beat to a real
clevagent-server on 127.0.0.1, which alerts a real webhook receiver and restarts containers through
the Engine API. Every container, image, daemon and folder is removed at the end, also after a failure.

1. kill -9 of a container's main process: late, dead, the server restarts the container (by default,
   from the container_id of the agent's own beats, no restart configured), the agent beats again, the
   incident resolves; one dead and one resolve notification; the restart is recorded.
2. A crash loop (exit 3 right after the first beat): the restart guard gives up after N restarts and
   the restart_failed incident names the exit code and shows the container's last log lines.
3. Out of memory (--memory 32m): the restart names OOMKilled, the restarted agent comes back.
4. A container without the SDK as a watch target with a Docker health check: unhealthy makes the agent
   dead or error, healthy again brings it back.
5. Trust: a clean `docker stop` is never restarted; hostile container_ids in beats get nothing but a
   `restart` asked of the engine (recorded with the engine's own events), invalid ids nothing at all.
6. The Engine API over TCP with mutual TLS (client keys RSA and EC prime256v1): the kill -9 restart works.
"""
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "docker"))
import engine as docker  # noqa: E402  (tests/docker/engine.py)
from scenario import ScenarioCase, fmt, log, parse_time, wait_for_binary, wait_until  # noqa: E402

IMAGE = "clevagent-test-agent"
INTERVAL = 2  # the agents' beat interval; grace defaults to the interval: dead 4 s after the last beat

# What the server may ask of the engine. Anything else seen in the engine's events during a scenario
# (create, exec, pull, import, delete, rename, update, pause, commit, ...) fails it.
RESTART_ACTIONS = {"restart", "kill", "die", "stop", "start"}
NETWORK_ACTIONS = {"connect", "disconnect"}  # --network host: what every start and stop reports

SUITE = {"t0": time.time(), "engine": None, "workdir": None, "numbers": {}}


def setUpModule():
    SUITE["t0"] = time.time()
    wait_for_binary()
    SUITE["workdir"] = tempfile.mkdtemp(prefix="clev-docker-scenarios-")
    try:
        tarball, seconds, how = docker.build_image_tarball(SUITE["workdir"])
        SUITE["tarball"] = tarball
        SUITE["numbers"]["image tarball"] = "%s in %.2f s (%.0f MB)" % (how, seconds, os.path.getsize(tarball) / 1e6)
        engine = docker.Engine(label="unix").start()
        SUITE["engine"] = engine
        SUITE["numbers"]["dockerd start"] = "%.2f s" % engine.start_seconds
        SUITE["numbers"]["image import"] = "%.2f s" % engine.load_image(tarball, IMAGE, env=docker.IMAGE_ENV,
                                                                         cmd=docker.IMAGE_CMD)
    except BaseException:
        tearDownModule()
        raise


def tearDownModule():
    if SUITE["engine"] is not None:
        SUITE["engine"].stop()
        SUITE["engine"] = None
    if SUITE["workdir"]:
        shutil.rmtree(SUITE["workdir"], ignore_errors=True)
        SUITE["workdir"] = None
    SUITE["numbers"]["suite wall time"] = "%.1f s" % (time.time() - SUITE["t0"])
    print("\ndocker suite: " + ", ".join("%s %s" % kv for kv in SUITE["numbers"].items()), flush=True)


class DockerCase(ScenarioCase):
    """A scenario with the module's engine; containers it starts are removed when it ends."""

    def setUp(self):
        super().setUp()
        self.engine = SUITE["engine"]
        self.assertIsNotNone(self.engine, "the module's dockerd is not running")

    # ---- containers ----
    def run_agent(self, agent, mode="beat", interval=INTERVAL, memory=None, server=None, key=None, engine=None,
                  api=None, **extra_env):
        server = server or self.server
        env = {"AGENT": agent, "MODE": mode, "INTERVAL": str(interval), "CLEVAGENT_API_KEY": key or self.key,
               "CLEVAGENT_ENDPOINT": server.url}
        env.update({k: str(v) for k, v in extra_env.items()})
        engine = engine or self.engine
        cid = engine.run(IMAGE, env=env, memory=memory, api=api)
        self.addCleanup(self.remove_container, engine, cid)
        return cid

    def remove_container(self, engine, cid):
        if engine.process is None:
            return
        try:
            if self.engine_failed():
                for line in engine.logs(cid)[-15:]:
                    print("    container %s: %s" % (cid[:12], line), flush=True)
        except Exception:
            pass
        try:
            engine.remove(cid)
        except Exception as e:
            log("cannot remove container %s: %s" % (cid[:12], e))

    def engine_failed(self):
        result = getattr(getattr(self, "_outcome", None), "result", None)
        return any(getattr(t, "test_case", t) is self
                   for t, _ in getattr(result, "failures", []) + getattr(result, "errors", []))

    # ---- what the server knows ----
    def stored_container(self, agent, server=None):
        rows = (server or self.server).sql("SELECT container_id FROM agents WHERE name = '%s'" % agent)
        return rows[0][0] if rows else None

    def wait_state(self, agent, states, timeout, server=None, what=None):
        server = server or self.server
        return wait_until(lambda: (server.agent(agent) or {}).get("state") in states and server.agent(agent),
                          timeout, what or "%s to be %s" % (agent, "/".join(states)), period=0.1)

    def restart_entries(self, agent, server=None):
        """The agent's timeline entries that record a restart attempt, oldest first: (at, cause)."""
        timeline = (server or self.server).detail(agent)["timeline"]
        return [(parse_time(e["at"]), e["cause"]) for e in reversed(timeline)
                if (e.get("cause") or "").startswith("restart:")]

    def restart_rows(self, agent, server=None):
        return (server or self.server).sql(
            "SELECT r.at, r.target, r.trigger, r.ok, r.context, r.error FROM restarts r JOIN agents a"
            " ON a.id = r.agent_id WHERE a.name = '%s' ORDER BY r.at" % agent)

    def first_beat_after(self, agent, t, server=None):
        beats = (server or self.server).detail(agent)["beats"]
        times = sorted(parse_time(b["received_at"]) for b in beats)
        after = [x for x in times if x >= t]
        return after[0] if after else None

    def wait_restarted(self, cid, started_before, timeout, engine=None, api=None):
        """The container running again with a StartedAt later than `started_before`; returns inspect."""
        return (engine or self.engine).wait_state(
            cid, lambda i: i["State"]["Running"] and (docker.parse_docker_time(i["State"]["StartedAt"]) or 0) > started_before,
            timeout, "the container to be started again", api=api)

    def forbidden_events(self, events, allowed_containers):
        """Engine events that are not part of restarting one of `allowed_containers`."""
        bad = []
        for e in events:
            action = e.get("Action", "").split(":")[0]
            kind = e.get("Type")
            actor = (e.get("Actor") or {}).get("ID", "")
            if kind == "network" and action in NETWORK_ACTIONS:
                continue
            if kind == "container" and action in RESTART_ACTIONS and any(actor.startswith(c) for c in allowed_containers):
                continue
            bad.append("%s %s %s" % (kind, e.get("Action"), actor[:12]))
        return bad


def kill_main_process(engine, cid, api=None):
    """What an OOM killer or a crash does: SIGKILL to the container's main process, from the host."""
    state = engine.inspect(cid, api=api)["State"]
    pid = state["Pid"]
    if not state["Running"] or pid <= 0:
        raise AssertionError("container %s is not running: %r" % (cid[:12], state))
    t = time.time()
    os.kill(pid, signal.SIGKILL)
    return t, docker.parse_docker_time(state["StartedAt"])


# ---- 1. kill -9 -----------------------------------------------------------------------------------

class Kill9Restart(DockerCase):
    name = "docker kill -9"

    def test_kill_9_of_the_main_process_restarts_the_container_by_default(self):
        # Only docker_host: no agents.NAME.restart. The container_id of the agent's beats is the default.
        server = self.start_server({"docker_host": self.engine.host()})
        poller = self.poll(["victim"], period=0.2)
        cid = self.run_agent("victim")
        self.wait_state("victim", ("healthy",), timeout=15)
        self.assertEqual(self.stored_container("victim"), cid[:12], "the beats carry the container's id")
        time.sleep(INTERVAL + 0.5)  # a background beat or two

        killed_at, started = kill_main_process(self.engine, cid)
        exited = self.engine.wait_state(cid, lambda i: not i["State"]["Running"], 10, "the container to exit")
        self.note("exit", "code %d" % exited["State"]["ExitCode"])
        self.assertEqual(exited["State"]["ExitCode"], 137, exited["State"])
        last_beat = parse_time(server.agent("victim")["last_seen"])

        dead = poller.wait("victim", lambda s: s.state == "dead", timeout=2 * INTERVAL + 4, after=killed_at,
                           what="dead after the kill")
        self.assertIsNotNone(poller.first("victim", lambda s: s.state == "late", after=killed_at),
                             "never late between the kill and dead")
        try:
            again = self.wait_restarted(cid, started, timeout=15)
        except AssertionError as e:
            raise AssertionError("%s\nthe server restarted nothing; its restart records: %r; timeline: %r"
                                 % (e, self.restart_rows("victim"), self.restart_entries("victim")))
        restarted_at = docker.parse_docker_time(again["State"]["StartedAt"])
        healthy = poller.wait("victim", lambda s: s.state == "healthy", timeout=10, after=restarted_at,
                              what="healthy after the restart")
        first_beat = self.first_beat_after("victim", restarted_at)
        self.assertIsNotNone(first_beat)
        resolve = self.receiver.wait_for(1, timeout=5, agent="victim", kind="dead", action="resolve")[0]
        time.sleep(1.0)  # nothing more comes

        events = self.engine.events(killed_at - 0.5)
        restarts = [e for e in events if e["Type"] == "container" and e["Action"] == "restart"]
        self.assertEqual(len(restarts), 1, [(e["Type"], e["Action"]) for e in events])
        self.assertEqual(self.forbidden_events(events, [cid]), [])
        self.note("death->restart", "%s (engine's restart event %s after the kill; %s after dead was seen)" % (
            fmt(restarted_at - killed_at), fmt(restarts[0]["t"] - killed_at), fmt(restarted_at - dead.t)))
        self.note("restart->first beat", fmt(first_beat - restarted_at))
        self.note("restart->healthy seen", fmt(healthy.t - restarted_at))
        self.note("dead after last beat", fmt(dead.t - last_beat))
        SUITE["numbers"]["kill -9 death->restart"] = fmt(restarted_at - killed_at)
        SUITE["numbers"]["kill -9 restart->first beat"] = fmt(first_beat - restarted_at)

        # Recorded: the restarts table, the timeline (with its time) and an update on the dead incident.
        rows = self.restart_rows("victim")
        self.assertEqual(len(rows), 1, rows)
        at_ms, target, trigger, ok, context, error = rows[0]
        self.assertEqual(ok, 1, rows)
        self.assertTrue(trigger.startswith("died"), trigger)
        self.assertIn("exit 137", context)
        self.assertLess(abs(at_ms / 1000.0 - restarted_at), 5.0, "the restart's recorded time")
        entries = self.restart_entries("victim")
        self.assertEqual(len(entries), 1, entries)
        self.assertRegex(entries[0][1], r"restarted through docker:\S+ \(attempt 1 of \d+\) after died")
        self.assertIn("exit 137", entries[0][1])
        self.assertLess(abs(entries[0][0] - restarted_at), 5.0)
        self.note("recorded", entries[0][1][:160])

        incidents = server.alerts(agent="victim")
        self.assertEqual([(i["kind"], i["resolved_at"] is not None) for i in incidents], [("dead", True)], incidents)
        notes = self.receiver.notifications(agent="victim")
        actions = [(n["kind"], n["action"]) for n in notes]
        self.assertEqual(actions.count(("dead", "trigger")), 1, actions)
        self.assertEqual(actions.count(("dead", "resolve")), 1, actions)
        updates = [n for n in notes if n["action"] == "update"]
        self.assertEqual(len(updates), 1, actions)
        self.assertIn("restarted through", updates[0]["detail"] + updates[0]["action_taken"])
        self.assertEqual(actions, [("dead", "trigger"), ("dead", "update"), ("dead", "resolve")])
        self.note("resolve sent", "%s after the restart" % fmt(resolve["_t"] - restarted_at))


# ---- 2. crash loop --------------------------------------------------------------------------------

class CrashLoop(DockerCase):
    name = "docker crash loop"
    MAX = 2

    def test_crash_loop_stops_at_the_guard_and_names_exit_code_and_last_lines(self):
        server = self.start_server({"docker_host": self.engine.host(),
                                    "agents": {"looper": {"restart": "docker:auto", "restart_guard": {
                                        "max_restarts": self.MAX, "window_minutes": 5, "backoff_seconds": 0,
                                        "startup_grace_seconds": 0}}}})
        poller = self.poll(["looper"], period=0.2)
        t0 = time.time()
        cid = self.run_agent("looper", mode="crash")
        exited = self.engine.wait_state(cid, lambda i: i["State"]["Status"] == "exited", 15, "the first crash")
        self.assertEqual(exited["State"]["ExitCode"], 3)
        self.assertEqual(self.stored_container("looper"), cid[:12])

        failed = wait_until(lambda: server.alerts(agent="looper", kind="restart_failed"),
                            timeout=(self.MAX + 1) * (2 * INTERVAL + 3) + 5, what="a restart_failed incident")[0]
        gave_up_at = parse_time(failed["opened_at"])
        self.note("gave up", "%s after the first start" % fmt(gave_up_at - t0))
        time.sleep(2 * INTERVAL + 2)  # no attempt after giving up

        events = self.engine.events(t0)
        restarts = [e for e in events if e["Type"] == "container" and e["Action"] == "restart"]
        starts = [e for e in events if e["Type"] == "container" and e["Action"] == "start"]
        self.note("engine", "%d starts, %d restarts" % (len(starts), len(restarts)))
        self.assertEqual(len(restarts), self.MAX, [(e["Action"], round(e["t"] - t0, 1)) for e in events])
        self.assertEqual(self.forbidden_events([e for e in events if e["t"] > starts[0]["t"] + 0.5], [cid]), [])
        self.assertEqual(self.engine.inspect(cid)["State"]["Status"], "exited")
        rows = self.restart_rows("looper")
        self.assertEqual([r[3] for r in rows], [1] * self.MAX + [0], rows)  # MAX restarts, then the give-up

        text = "%s %s" % (failed["summary"], failed["detail"])
        self.note("restart_failed", text[:300])
        self.assertIn("%d restarts" % self.MAX, text)
        known = "; what the restarts before it recorded: %r" % [r[4] for r in rows if r[3]]
        self.assertRegex(text, r"exit (code )?3\b", "the incident names the exit code" + known)
        self.assertIn("CLEV-CRASH-MARKER", text, "the incident shows the container's last log lines" + known)
        trigger = self.receiver.wait_for(1, timeout=5, agent="looper", kind="restart_failed", action="trigger")
        self.assertEqual(len(trigger), 1)
        transitions = poller.transitions("looper")
        self.note("deaths seen", sum(1 for _, _, to in transitions if to == "dead"))


# ---- 3. out of memory -----------------------------------------------------------------------------

class OutOfMemory(DockerCase):
    name = "docker OOM"

    def test_oom_kill_is_named_and_the_container_restarted(self):
        server = self.start_server({"docker_host": self.engine.host(),
                                    "agents": {"hog": {"restart": "docker:auto"}}})
        t0 = time.time()
        cid = self.run_agent("hog", mode="oom", memory=32 * 1024 * 1024)
        first = self.engine.wait_state(cid, lambda i: i["State"]["Status"] == "exited", 20, "the OOM kill")
        state = first["State"]
        self.note("killed", "exit %s, OOMKilled %s, %s after start" % (
            state["ExitCode"], state["OOMKilled"],
            fmt(docker.parse_docker_time(state["FinishedAt"]) - docker.parse_docker_time(state["StartedAt"]))))
        if not state["OOMKilled"]:
            raise AssertionError("the kernel did not OOM-kill the container: state %r; logs %r; memory cgroup: %s"
                                 % (state, self.engine.logs(cid)[-5:], memory_cgroup_report()))
        self.assertEqual(state["ExitCode"], 137)
        started = docker.parse_docker_time(state["StartedAt"])
        again = self.wait_restarted(cid, started, timeout=2 * INTERVAL + 12)
        restarted_at = docker.parse_docker_time(again["State"]["StartedAt"])
        self.wait_state("hog", ("healthy",), timeout=10)
        self.note("killed->restart", fmt(restarted_at - docker.parse_docker_time(state["FinishedAt"])))
        entries = self.restart_entries("hog")
        self.assertEqual(len(entries), 1, entries)
        self.assertIn("OOMKilled", entries[0][1])
        self.assertIn("exit 137", entries[0][1])
        self.note("recorded", entries[0][1][:200])
        update = self.receiver.wait_for(1, timeout=5, agent="hog", kind="dead", action="update")[0]
        self.assertIn("OOMKilled", update["detail"])
        self.receiver.wait_for(1, timeout=5, agent="hog", kind="dead", action="resolve")
        # The restarted run only beats (Docker keeps OOMKilled true from the run before: not asserted).
        self.assertTrue(self.engine.inspect(cid)["State"]["Running"])
        self.assertTrue(any(line.startswith("ready") for line in self.engine.logs(cid)))


def memory_cgroup_report():
    try:
        with open("/proc/self/cgroup") as f:
            mine = f.read().strip().replace("\n", "; ")
        root = "/sys/fs/cgroup/memory"
        return "ours %s; %s exists %s; docker/ %s" % (mine, root, os.path.isdir(root),
                                                     os.listdir(os.path.join(root, "docker"))[:5]
                                                     if os.path.isdir(os.path.join(root, "docker")) else "missing")
    except OSError as e:
        return repr(e)


# ---- 4. a watch target with a health check --------------------------------------------------------

class HealthFlag:
    """A loopback port that accepts connections while up: what the watched container's HEALTHCHECK tests."""

    def __init__(self):
        self.port = docker.free_port()
        self.sock = None
        self.up()

    def up(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.sock.listen(64)
        threading.Thread(target=self._accept, args=(self.sock,), daemon=True).start()

    @staticmethod
    def _accept(sock):
        while True:  # each check's connection is taken and closed, so the backlog never fills
            try:
                sock.accept()[0].close()
            except OSError:
                return  # the flag went down

    def down(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


class WatchHealth(DockerCase):
    name = "docker watch health"

    def test_unhealthy_container_turns_the_agent_dead_and_healthy_brings_it_back(self):
        # The health flag is a listening socket of this test's on loopback (--network host): the check
        # connects to it. Not a file: an engine running in a chroot (CI's) runs HEALTHCHECK commands in
        # the chroot's file system, not the container's, so a file there or in a bind mount is not seen.
        flag = HealthFlag()
        self.addCleanup(flag.down)
        name = "clev-watched-%d" % os.getpid()
        cid = self.engine.run(IMAGE, name=name, env={"MODE": "idle"},
                              health={"test": [docker.IMAGE_PYTHON, "-c",
                                               "import socket; socket.create_connection(('127.0.0.1', %d), 1).close()"
                                               % flag.port],
                                      "interval": 1, "retries": 1, "timeout": 5})
        self.addCleanup(self.remove_container, self.engine, cid)
        server = self.start_server({"docker_host": self.engine.host(),
                                    "agents": {"watched": {"watch": "docker:" + name, "interval": 1, "grace": 2}}})
        poller = self.poll(["watched"], period=0.2)
        health = lambda status: lambda i: (i["State"].get("Health") or {}).get("Status") == status  # noqa: E731
        self.engine.wait_state(cid, health("healthy"), 15, "Docker to find it healthy")
        self.wait_state("watched", ("healthy",), timeout=10)

        flag.down()
        t_off = time.time()
        unhealthy = self.engine.wait_state(cid, health("unhealthy"), 10, "Docker to find it unhealthy")
        self.assertTrue(unhealthy["State"]["Running"], "an unhealthy container still runs")
        t_unhealthy = time.time()
        try:
            bad = poller.wait("watched", lambda s: s.state in ("dead", "error"), timeout=10, after=t_unhealthy,
                              what="dead or error while Docker says unhealthy")
        except AssertionError as e:
            raise AssertionError("%s; the agent's last beats: %r" % (e, [b["message"] for b in
                                                                        server.detail("watched")["beats"][:3]]))
        self.note("unhealthy->%s" % bad.state, fmt(bad.t - t_unhealthy))
        self.note("flag removed->unhealthy", fmt(t_unhealthy - t_off))

        flag.up()
        self.engine.wait_state(cid, health("healthy"), 10, "Docker to find it healthy again")
        t_healthy = time.time()
        back = poller.wait("watched", lambda s: s.state == "healthy", timeout=8, after=t_healthy,
                           what="healthy again")
        self.note("healthy->healthy seen", fmt(back.t - t_healthy))
        self.assertEqual(self.restart_entries("watched"), [], "nothing is restarted without a target")
        self.assertEqual(self.engine.inspect(cid)["RestartCount"], 0)


# ---- 5. trust --------------------------------------------------------------------------------------

class Trust(DockerCase):
    name = "docker trust"

    def test_docker_stop_is_a_clean_shutdown_and_never_restarted(self):
        server = self.start_server({"docker_host": self.engine.host()})
        cid = self.run_agent("polite")
        self.wait_state("polite", ("healthy",), timeout=15)
        self.assertEqual(self.stored_container("polite"), cid[:12])
        time.sleep(1)
        t_stop = time.time()
        self.engine.stop_container(cid, timeout=10)  # SIGTERM, SIGKILL after 10 s
        stop_took = time.time() - t_stop
        state = self.engine.inspect(cid)["State"]
        self.note("docker stop", "took %s, exit %d" % (fmt(stop_took), state["ExitCode"]))
        # The SDK, as the container's PID 1, exits as SIGTERM would have (143) once it said its last
        # word, instead of being SIGKILLed (137) after the stop timeout.
        self.assertEqual(state["ExitCode"], 143, state)
        self.assertLess(stop_took, 5)
        stopped = self.wait_state("polite", ("stopped",), timeout=5)
        self.note("last word", stopped.get("last_message"))
        time.sleep(2 * INTERVAL + 4)  # past every deadline: no late, no dead, no restart
        self.assertEqual(server.agent("polite")["state"], "stopped")
        events = self.engine.events(t_stop + stop_took + 0.2)
        self.assertEqual([(e["Type"], e["Action"]) for e in events if e["Type"] == "container"], [],
                         "nothing asked of the engine after the clean stop")
        self.assertEqual(self.engine.inspect(cid)["State"]["Status"], "exited")
        self.assertEqual(self.restart_rows("polite"), [])
        self.assertEqual(self.receiver.notifications(agent="polite"), [])
        self.assertEqual(server.alerts(agent="polite"), [])

    def test_hostile_container_ids_get_nothing_but_a_restart_asked(self):
        # An innocent container that this agent does not run in, and that keeps running on its own.
        innocent = self.engine.run(IMAGE, env={"MODE": "idle"}, name="clev-innocent-%d" % os.getpid())
        self.addCleanup(self.remove_container, self.engine, innocent)
        self.engine.wait_state(innocent, lambda i: i["State"]["Running"], 10, "the innocent container to run")
        innocent_started = docker.parse_docker_time(self.engine.inspect(innocent)["State"]["StartedAt"])
        hostile = {
            "h-traversal": "../images/create?fromImage=x",
            "h-slash": "a/b",
            "h-query": "x?signal=KILL",
            "h-long": "a" * 129,
            "h-space": "two words",
        }
        valid_missing = {"h-missing": "clev-no-such-container"}
        other = {"h-other": innocent[:12]}
        server = self.start_server({"docker_host": self.engine.host()})
        time.sleep(0.5)
        t0 = time.time()
        for agent, container in list(hostile.items()) + list(valid_missing.items()) + list(other.items()):
            for _ in range(2):
                self.post_beat({"agent": agent, "status": "ok", "interval": 1, "container_id": container})
        stored = {a: self.stored_container(a) for a in list(hostile) + list(valid_missing) + list(other)}
        self.note("stored ids", ", ".join("%s=%r" % (a, (c or "")[:30]) for a, c in stored.items()))
        # They stop beating: dead 2 s later (interval 1, grace 1), then whatever the server does.
        for agent in list(hostile) + list(valid_missing) + list(other):
            self.wait_state(agent, ("dead",), timeout=8)
        wait_until(lambda: all(self.restart_rows(a) for a in list(valid_missing) + list(other)), 10,
                   "an attempt for the valid ids")
        time.sleep(3)  # attempts finish; the innocent container is running again if it was restarted
        t1 = time.time()
        events = self.engine.events(t0, t1)
        summary = ["%s %s %s" % (e["Type"], e["Action"], (e.get("Actor") or {}).get("ID", "")[:12]) for e in events]
        self.note("engine events", "; ".join(summary) or "none")
        self.assertEqual(self.forbidden_events(events, [innocent]), [], summary)

        # Invalid ids: refused with a reason on the incident, nothing sent to the engine.
        for agent, container in hostile.items():
            with self.subTest(agent=agent, container=container):
                rows = self.restart_rows(agent)
                entries = self.restart_entries(agent)
                self.assertTrue(rows and entries, "the refusal is recorded: %r %r" % (rows, entries))
                self.assertEqual([r[3] for r in rows], [0] * len(rows), rows)
                reason = entries[-1][1]
                self.assertRegex(reason, r"(?i)not a (valid )?docker container|invalid|refus", reason)
                updates = self.receiver.notifications(agent=agent, kind="dead", action="update")
                self.assertTrue(updates and re.search(r"(?i)not a (valid )?docker container|invalid|refus",
                                                      updates[-1]["detail"]), updates)
        # A valid name of no container: the engine is asked to restart it, answers 404, nothing is made.
        rows = self.restart_rows("h-missing")
        self.assertEqual([r[3] for r in rows], [0], rows)
        self.assertRegex(rows[0][5] or "", r"(?i)no such container", rows)
        # Another real container's id: a valid id, so (the rule as implemented) it is restarted, once,
        # and only restarted; the agent does not come back, so nothing more happens.
        innocent_restarts = [e for e in events if e["Type"] == "container" and e["Action"] == "restart"
                             and e["Actor"]["ID"].startswith(innocent)]
        after = self.engine.inspect(innocent)
        restarted = (docker.parse_docker_time(after["State"]["StartedAt"]) or 0) > innocent_started
        self.note("innocent container", "restarted %d time(s) by the server, running %s" % (
            len(innocent_restarts), after["State"]["Running"]))
        self.assertEqual(len(innocent_restarts), 1, summary)
        self.assertTrue(restarted and after["State"]["Running"])
        self.assertEqual([r[3] for r in self.restart_rows("h-other")], [1])


# ---- 6. TCP with mutual TLS ------------------------------------------------------------------------

class MutualTls(DockerCase):
    name = "docker tcp+tls"

    def test_kill_9_restart_over_tcp_with_mutual_tls_rsa_and_ec_client_keys(self):
        certs_dir = tempfile.mkdtemp(prefix="clev-tls-")
        self.addCleanup(shutil.rmtree, certs_dir, True)
        t = time.time()
        certs = docker.make_certificates(certs_dir)
        self.note("certificates", fmt(time.time() - t))
        port = docker.free_port()
        engine = docker.Engine(tls={"port": port, "ca": certs["ca"], "cert": certs["server_cert"],
                                    "key": certs["server_key"]}, label="tcp+tls")
        engine.start()
        self.addCleanup(engine.stop)
        self.note("dockerd (tls) start", fmt(engine.start_seconds))
        engine.load_image(SUITE["tarball"], IMAGE, env=docker.IMAGE_ENV, cmd=docker.IMAGE_CMD)
        # The certificates work for a plain TLS client (Python's ssl) with either key, and nothing
        # without a client certificate.
        for kind, folder in certs["clients"].items():
            self.assertTrue(engine.tls_api(folder).ping(), kind)
        with self.assertRaises(Exception):
            docker.Api("tcp://127.0.0.1:%d" % port, tls=None).ping()

        # A third server has the CA but no client certificate: the engine must refuse it.
        no_client = os.path.join(certs_dir, "none")
        os.makedirs(no_client)
        shutil.copyfile(certs["ca"], os.path.join(no_client, "ca.pem"))
        folders = dict(certs["clients"], none=no_client)

        runs = {}
        for kind, folder in folders.items():
            server = self.start_server({"agents": {"tls-" + kind: {"restart": "docker:auto"}}},
                                       env={"DOCKER_HOST": "tcp://127.0.0.1:%d" % port, "DOCKER_TLS_VERIFY": "1",
                                            "DOCKER_CERT_PATH": folder})
            cid = self.run_agent("tls-" + kind, server=server, key=self.key, engine=engine)
            runs[kind] = {"server": server, "cid": cid, "receiver": self.receiver}
        for kind, run in runs.items():
            self.wait_state("tls-" + kind, ("healthy",), timeout=15, server=run["server"])
        time.sleep(INTERVAL)
        for kind, run in runs.items():
            run["killed_at"], run["started"] = kill_main_process(engine, run["cid"])
        for kind in ("rsa", "ec"):
            run = runs[kind]
            with self.subTest(key=kind):
                agent = "tls-" + kind
                try:
                    again = self.wait_restarted(run["cid"], run["started"], timeout=2 * INTERVAL + 12, engine=engine)
                except AssertionError as e:
                    raise AssertionError("%s key: %s\nrestart records: %r\nserver log: %s" % (
                        kind, e, self.restart_rows(agent, server=run["server"]),
                        run["server"].read_log()[-1500:]))
                restarted_at = docker.parse_docker_time(again["State"]["StartedAt"])
                self.wait_state(agent, ("healthy",), timeout=10, server=run["server"])
                first_beat = self.first_beat_after(agent, restarted_at, server=run["server"])
                self.note("%s death->restart" % kind, fmt(restarted_at - run["killed_at"]))
                self.note("%s restart->first beat" % kind, fmt((first_beat or restarted_at) - restarted_at))
                rows = self.restart_rows(agent, server=run["server"])
                self.assertEqual([r[3] for r in rows], [1], rows)
                self.assertIn("exit 137", rows[0][4])
                run["receiver"].wait_for(1, timeout=5, agent=agent, kind="dead", action="resolve")
                SUITE["numbers"]["tls %s death->restart" % kind] = fmt(restarted_at - run["killed_at"])
        with self.subTest(key="none"):
            run = runs["none"]
            rows = wait_until(lambda: self.restart_rows("tls-none", server=run["server"]), 2 * INTERVAL + 10,
                              "the attempt without a client certificate")
            self.assertEqual([r[3] for r in rows], [0], rows)
            self.note("without a client certificate", (rows[0][5] or "")[:160])
            self.assertFalse(engine.inspect(run["cid"])["State"]["Running"], "restarted without a client certificate")

if __name__ == "__main__":
    unittest.main()
