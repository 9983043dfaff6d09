# SPDX-License-Identifier: MIT
"""Scenario: an SDK agent (interval 3 s, grace = interval) is killed with kill -9, so it says nothing.

It must go late at last beat + interval and dead at last beat + interval + grace (each within 1 s, in
the stored timeline and in what the status showed), with one dead incident and one trigger; started
again, it is healthy, the incident is resolved and one resolve notification goes out.
"""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import ScenarioCase, fmt, parse_time  # noqa: E402

INTERVAL = 3
GRACE = INTERVAL  # the default
TOLERANCE = 1.0

AGENT = """
clevagent.init(agent=os.environ["AGENT"], interval=float(os.environ["INTERVAL"]))
clevagent.ping(message="working")
say("ready")
time.sleep(3600)
"""


class Kill9Scenario(ScenarioCase):
    name = "kill9"

    def test_kill_9_goes_late_then_dead_on_time_and_recovers(self):
        server = self.start_server()
        poller = self.poll(["victim"], period=0.25)
        agent = self.spawn("victim", AGENT, interval=INTERVAL, ready="ready")
        time.sleep(2 * INTERVAL + 0.7)  # a few background beats; the kill lands at some point between two
        killed_at = agent.kill9()
        time.sleep(0.5)  # a beat on the wire at the kill has arrived by now
        last_beat = parse_time(server.agent("victim")["last_seen"])
        self.note("kill", "%s after the last beat" % fmt(killed_at - last_beat))

        dead = poller.wait("victim", lambda s: s.state == "dead", timeout=INTERVAL + GRACE + 3, after=killed_at,
                           what="the status to show dead")
        late = poller.first("victim", lambda s: s.state == "late", after=killed_at)
        self.assertIsNotNone(late, "the status never showed late between the kill and dead")
        late_lag = late.t - (last_beat + INTERVAL)
        dead_lag = dead.t - (last_beat + INTERVAL + GRACE)
        self.note("late seen", "%+.2f s" % late_lag)
        self.note("dead seen", "%+.2f s" % dead_lag)

        # The stored timeline: the transitions after the last beat, at their deadlines.
        timeline = server.detail("victim")["timeline"]
        after = [e for e in reversed(timeline) if parse_time(e["at"]) > last_beat + 0.05]
        self.assertEqual([(e["from"], e["to"]) for e in after], [("healthy", "late"), ("late", "dead")], timeline)
        late_at, dead_at = parse_time(after[0]["at"]), parse_time(after[1]["at"])
        self.note("timeline late", "%+.2f s" % (late_at - last_beat - INTERVAL))
        self.note("timeline dead", "%+.2f s" % (dead_at - last_beat - INTERVAL - GRACE))
        self.assertAlmostEqual(late_at, last_beat + INTERVAL, delta=TOLERANCE)
        self.assertAlmostEqual(dead_at, last_beat + INTERVAL + GRACE, delta=TOLERANCE)
        self.assertAlmostEqual(late.t, last_beat + INTERVAL, delta=TOLERANCE)
        self.assertAlmostEqual(dead.t, last_beat + INTERVAL + GRACE, delta=TOLERANCE)
        # Between the kill and dead the status showed only healthy, then late.
        between = [s.state for s in poller.of("victim") if killed_at <= s.t0 and s.t < dead.t]
        self.assertLessEqual(set(between), {"healthy", "late"}, between)

        trigger = self.receiver.wait_for(1, timeout=5, agent="victim", kind="dead", action="trigger")[0]
        self.note("trigger", "%s after dead" % fmt(trigger["_t"] - dead_at))
        time.sleep(1.0)  # dead stays dead, and nothing else is sent
        self.assertEqual(server.agent("victim")["state"], "dead")
        incidents = server.alerts(agent="victim")
        self.note("dead incidents", len(incidents))
        self.assertEqual([(i["kind"], i["resolved_at"]) for i in incidents], [("dead", None)])

        restarted_at = time.time()
        self.spawn("victim", AGENT, interval=INTERVAL, ready="ready")
        healthy = poller.wait("victim", lambda s: s.state == "healthy", timeout=5, after=restarted_at,
                              what="healthy after the restart")
        self.note("healthy again", "%s after the restart" % fmt(healthy.t - restarted_at))
        resolve = self.receiver.wait_for(1, timeout=5, agent="victim", kind="dead", action="resolve")[0]
        self.note("resolve", "%s after the restart" % fmt(resolve["_t"] - restarted_at))
        time.sleep(1.0)
        incidents = server.alerts(agent="victim")
        self.assertEqual(len(incidents), 1, incidents)
        self.assertIsNotNone(incidents[0]["resolved_at"], incidents)
        notes = self.receiver.notifications(agent="victim")
        self.note("notifications", len(notes))
        self.assertEqual([(n["kind"], n["action"]) for n in notes], [("dead", "trigger"), ("dead", "resolve")])
        self.assertEqual(server.agent("victim")["state"], "healthy")


if __name__ == "__main__":
    unittest.main()
