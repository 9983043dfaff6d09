# SPDX-License-Identifier: MIT
"""Scenario: an agent (interval 2 s, grace 2 s) that lives ~5 s, is killed with kill -9 and restarted ~5 s
later, again and again for 90 s.

With alerts.flap_count = 3 and alerts.flap_window_secs = 60, the 3rd death within the window opens one
"flapping" incident with one trigger; deaths while flapping are still recorded as "dead" incidents but send
nothing. A user gets a handful of notifications, never one per flip.
"""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import ScenarioCase, fmt, parse_time, summarize_notifications  # noqa: E402

INTERVAL = 2
GRACE = 2
LIVE_SECS = 5
DOWN_SECS = 5
SCENARIO_SECS = 90
FLAP_COUNT = 3
FLAP_WINDOW_SECS = 60

AGENT = """
clevagent.init(agent=os.environ["AGENT"], interval=float(os.environ["INTERVAL"]))
clevagent.ping(message="up")
say("ready")
time.sleep(3600)
"""


class FlappingScenario(ScenarioCase):
    name = "flapping"

    def test_a_flapping_agent_is_one_flapping_alert_not_one_per_flip(self):
        server = self.start_server({"agents": {"flapper": {"interval": INTERVAL, "grace": GRACE}},
                                    "alerts": {"flap_count": FLAP_COUNT, "flap_window_secs": FLAP_WINDOW_SECS}})
        poller = self.poll(["flapper"], period=0.25)
        began = time.time()
        cycles = []  # (started, killed, dead seen)
        # A cycle takes LIVE + DOWN (+ start-up) s; the last one must end within SCENARIO_SECS.
        while time.time() - began + LIVE_SECS + DOWN_SECS <= SCENARIO_SECS:
            started = time.time()
            agent = self.spawn("flapper", AGENT, interval=INTERVAL, ready="ready")
            time.sleep(max(0.0, started + LIVE_SECS - time.time()))
            killed = agent.kill9()
            agent.reap()
            # Dead at last beat + interval + grace, at most INTERVAL + GRACE after the kill.
            dead = poller.wait("flapper", lambda s: s.state == "dead", timeout=INTERVAL + GRACE + 3, after=killed,
                               what="dead after kill %d" % (len(cycles) + 1))
            cycles.append((started, killed, dead.t))
            time.sleep(max(0.0, killed + DOWN_SECS - time.time(), dead.t + 0.5 - time.time()))
        self.note("cycles", len(cycles))
        time.sleep(1.5)  # the last notifications arrive
        poller.stop()

        incidents = list(reversed(server.alerts(agent="flapper")))  # oldest first
        dead = [i for i in incidents if i["kind"] == "dead"]
        flapping = [i for i in incidents if i["kind"] == "flapping"]
        notes = self.receiver.notifications(agent="flapper")
        flips = poller.transitions("flapper")
        self.note("dead incidents", len(dead))
        self.note("flapping incidents", len(flapping))
        self.note("notifications", "%d (%s)" % (len(notes), summarize_notifications(notes)))
        self.note("state flips seen", len(flips))

        # Every death is recorded, flapping or not.
        self.assertGreaterEqual(len(cycles), 5)
        self.assertEqual(len(dead), len(cycles), [(i["opened_at"], i["resolved_at"]) for i in dead])
        self.assertGreaterEqual(len(dead), 5)

        # One flapping incident, opened by the FLAP_COUNT-th death (all deaths fall within the window).
        self.assertEqual(len(flapping), 1, flapping)
        third_death = parse_time(dead[FLAP_COUNT - 1]["opened_at"])
        self.note("flapping opened", "%s after death %d" % (fmt(parse_time(flapping[0]["opened_at"]) - third_death),
                                                             FLAP_COUNT))
        self.assertAlmostEqual(parse_time(flapping[0]["opened_at"]), third_death, delta=1.5)

        # Notifications: the first deaths are told (trigger and resolve), the flapping once, then silence.
        kinds = [(n["kind"], n["action"]) for n in notes]
        self.assertEqual(kinds.count(("flapping", "trigger")), 1, kinds)
        self.assertLessEqual(kinds.count(("dead", "trigger")), FLAP_COUNT - 1, kinds)
        self.assertLessEqual(kinds.count(("dead", "resolve")), FLAP_COUNT - 1, kinds)
        self.assertLessEqual(len(notes), 6, kinds)
        flap_trigger = next(n for n in notes if (n["kind"], n["action"]) == ("flapping", "trigger"))
        after = [(n["kind"], n["action"]) for n in notes if n["_t"] > flap_trigger["_t"] and n["kind"] == "dead"]
        self.assertEqual(after, [], "dead notifications after the flapping trigger")
        self.assertLess(len(notes), len(flips) / 2, "about one notification per flip")


if __name__ == "__main__":
    unittest.main()
