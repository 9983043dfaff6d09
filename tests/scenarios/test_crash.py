# SPDX-License-Identifier: MIT
"""Scenario: an agent crashes (an unhandled exception right after init()).

(a) One crash incident with the traceback in its detail and in the webhook trigger, state error, the
    crash text kept as last message, and no "dead" later: a crash is the process's last word.
(b) A regular beat built before the crash but arriving after it (in flight) does not undo the crash.
(c) A regular beat from the restarted agent brings it back to healthy and resolves the crash.
"""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import ScenarioCase, fmt, parse_time  # noqa: E402

INTERVAL = 3  # s; the grace defaults to the interval
GRACE = INTERVAL
EXCEPTION = "the scenario's deliberate crash"

CRASHER = """
clevagent.init(agent=os.environ["AGENT"], interval=float(os.environ["INTERVAL"]))
def load_plan():
    raise ValueError(%r)
load_plan()
""" % EXCEPTION

RESTARTED = """
clevagent.init(agent=os.environ["AGENT"], interval=float(os.environ["INTERVAL"]))
clevagent.ping(message="back again")
say("ready")
time.sleep(3600)
"""

TRACEBACK_MARKS = ("Traceback (most recent call last)", "in load_plan", "ValueError: " + EXCEPTION)


class CrashScenario(ScenarioCase):
    name = "crash"

    def crash(self, agent):
        """Runs the crashing agent to its end; returns (its exit code, the crash incident, the status)."""
        process = self.spawn(agent, CRASHER, interval=INTERVAL)
        self.assertEqual(process.wait(timeout=15), 1, "\n".join(process.errors))
        status = self.server.wait_for(lambda: (self.server.agent(agent) or {}).get("state") == "error"
                                      and self.server.agent(agent), timeout=5, what="state error")
        incidents = self.server.wait_for(lambda: self.server.alerts(agent=agent, kind="crash"), timeout=5,
                                         what="a crash incident")
        self.assertEqual(len(incidents), 1, incidents)
        return process, incidents[0], status

    def assert_still_crashed(self, agent, since, incident_id):
        """interval + grace + 3 s after `since`: still error, never dead, the crash still open, no dead incident."""
        time.sleep(max(0.0, since + INTERVAL + GRACE + 3 - time.time()))
        samples = [s for s in self.poller.of(agent) if s.t0 >= since]
        self.assertTrue(samples)
        states = sorted({s.state for s in samples})
        self.note("states after the crash", "/".join(states))
        self.assertEqual(states, ["error"], "the state left error after the crash")
        dead = self.server.alerts(agent=agent, kind="dead")
        self.note("dead incidents", len(dead))
        self.assertEqual(dead, [])
        crash = [i for i in self.server.alerts(agent=agent) if i["id"] == incident_id][0]
        self.assertIsNone(crash["resolved_at"], crash)
        self.assertEqual([i["kind"] for i in self.server.alerts(agent=agent)], ["crash"])
        self.assertEqual(self.server.agent(agent)["state"], "error")

    def test_a_crash_is_one_incident_with_its_traceback_and_never_dead(self):
        self.start_server()
        self.poll(["crasher"])
        process, incident, status = self.crash("crasher")
        crashed_at = parse_time(status["last_seen"])
        self.note("exit", process.process.returncode)
        self.assertTrue(status["last_message"].startswith("CRASH: ValueError: " + EXCEPTION), status)

        trigger = self.receiver.wait_for(1, timeout=5, agent="crasher", kind="crash", action="trigger")[0]
        self.note("trigger", "%s after the crash beat" % fmt(trigger["_t"] - crashed_at))
        self.assertTrue(trigger["last_message"].startswith("CRASH:"), trigger)
        self.assert_still_crashed("crasher", crashed_at, incident["id"])
        notes = self.receiver.notifications(agent="crasher")
        self.note("notifications of the agent", len(notes))
        self.assertEqual([(n["kind"], n["action"]) for n in notes], [("crash", "trigger")])
        self.assertTrue(self.server.agent("crasher")["last_message"].startswith("CRASH:"))

        # The traceback (custom_data.traceback) in the incident's detail and in the trigger's detail.
        with self.subTest("traceback in the incident's detail"):
            missing = [m for m in TRACEBACK_MARKS if m not in incident["detail"]]
            self.note("traceback in incident detail", "no" if missing else "yes")
            self.assertEqual(missing, [], "incident detail: %r" % incident["detail"])
        with self.subTest("traceback in the webhook trigger's detail"):
            missing = [m for m in TRACEBACK_MARKS if m not in trigger["detail"]]
            self.note("traceback in trigger detail", "no" if missing else "yes")
            self.assertEqual(missing, [], "trigger detail: %r" % trigger["detail"])

    def test_a_beat_built_before_the_crash_and_arriving_after_it_does_not_undo_it(self):
        self.start_server()
        self.poll(["inflight"])
        built_at = time.time() - 0.5  # before the agent even started: surely before its crash beat
        _, incident, status = self.crash("inflight")
        answer = self.post_beat({"agent": "inflight", "status": "ok", "interval": INTERVAL,
                                 "message": "step 7 done", "timestamp": round(built_at, 3)})
        late_beat_at = time.time()
        self.note("answer to the late beat", answer.get("status"))
        self.assertEqual(answer.get("status"), "error", answer)
        self.assert_still_crashed("inflight", late_beat_at, incident["id"])
        notes = self.receiver.wait_for(1, timeout=5, agent="inflight")
        self.assertEqual([(n["kind"], n["action"]) for n in self.receiver.notifications(agent="inflight")],
                         [("crash", "trigger")])
        self.note("notifications of the agent", len(notes))
        status = self.server.agent("inflight")
        shown = status["last_message"]
        self.note("last message", repr(shown[:40]))
        self.note("last status", status["last_status"])
        # What a user reads: the late beat replaces neither the crash text nor the error status (the
        # store keeps the newest by the beats' own time).
        self.assertTrue(shown.startswith("CRASH:"), shown)
        self.assertEqual(status["last_status"], "error", status)

    def test_a_beat_from_the_restarted_agent_resolves_the_crash(self):
        self.start_server()
        self.poll(["phoenix"])
        _, incident, status = self.crash("phoenix")
        self.receiver.wait_for(1, timeout=5, agent="phoenix", kind="crash", action="trigger")
        restarted_at = time.time()
        self.spawn("phoenix", RESTARTED, interval=INTERVAL, ready="ready")
        healthy = self.poller.wait("phoenix", lambda s: s.state == "healthy", timeout=5, after=restarted_at,
                                   what="healthy after the restart")
        self.note("healthy", "%s after the restart" % fmt(healthy.t - restarted_at))
        resolve = self.receiver.wait_for(1, timeout=5, agent="phoenix", kind="crash", action="resolve")[0]
        self.note("resolve", "%s after the restart" % fmt(resolve["_t"] - restarted_at))
        crash = [i for i in self.server.alerts(agent="phoenix") if i["id"] == incident["id"]][0]
        self.assertIsNotNone(crash["resolved_at"], crash)
        self.assertGreaterEqual(parse_time(crash["resolved_at"]), restarted_at - 0.5)
        time.sleep(1.0)
        self.assertEqual([(n["kind"], n["action"]) for n in self.receiver.notifications(agent="phoenix")],
                         [("crash", "trigger"), ("crash", "resolve")])
        self.assertEqual(self.server.agent("phoenix")["last_message"], "back again")
        self.assertEqual(len(self.server.alerts(agent="phoenix")), 1)


if __name__ == "__main__":
    unittest.main()
