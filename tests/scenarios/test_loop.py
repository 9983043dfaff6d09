# SPDX-License-Identifier: MIT
"""Scenario: an agent repeats the same tool call for 90 s, then stops and only its background beats go on.

A user must see one loop incident, open from detection until after the loop stopped, one trigger and
(quiet_secs after the loop's last repeat, judged at a beat) one resolve; the looping flag never drops
while the loop goes on, and the agent stays healthy throughout.
"""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import ScenarioCase, fmt, parse_time  # noqa: E402

INTERVAL = 10      # s: the SDK's background beats
CALL_EVERY = 3     # s: the repeated tool call, each with a ping()
LOOP_SECS = 90     # s of looping
QUIET_SECS = 12    # watchdog.loop.quiet_secs
MARGIN = 3         # s: delivery and scheduling
BLIP_SECS = 0.5    # s: a "late" this short, between two on-time background beats, is counted, not failed

AGENT = """
client = clevagent.init(agent=os.environ["AGENT"], interval=float(os.environ["INTERVAL"]))
say("ready")
start = time.time()
n = 0
while time.time() < start + float(os.environ["LOOP_SECS"]):
    n += 1
    t = time.time()
    clevagent.log_tool_call("search", "same args")
    r = clevagent.ping()
    say("call", n, repr(t), r.get("ok"), r.get("warning"))
    time.sleep(max(0.0, start + n * float(os.environ["CALL_EVERY"]) - time.time()))
say("loop-done", repr(time.time()))
while True:  # only the background beats now
    time.sleep(1)
"""


class LoopScenario(ScenarioCase):
    name = "loop"

    def test_one_loop_one_incident_one_trigger_one_resolve(self):
        server = self.start_server({"watchdog": {"loop": {"quiet_secs": QUIET_SECS}}})
        poller = self.poll(["looper"], period=0.5, alerts=True)
        agent = self.spawn("looper", AGENT, interval=INTERVAL, ready="ready", LOOP_SECS=LOOP_SECS, CALL_EVERY=CALL_EVERY)

        trigger = self.receiver.wait_for(1, timeout=30, agent="looper", kind="loop", action="trigger")[0]
        self.note("trigger", "after %s" % fmt(trigger["_t"] - agent.started_at))
        agent.wait_line("loop-done", timeout=LOOP_SECS + 15)
        calls = agent.lines_with("call ")
        last_call = float(calls[-1][1].split()[2])
        self.note("repeated calls", len(calls))

        # The loop ends QUIET_SECS after its last repeat, at the next (background) beat: within one interval.
        deadline = last_call + QUIET_SECS + INTERVAL + MARGIN
        resolves = self.receiver.wait_for(1, timeout=max(1.0, deadline - time.time()), agent="looper", kind="loop",
                                          action="resolve")
        resolve_lag = resolves[0]["_t"] - last_call
        self.note("resolve", "%s after the last repeated call" % fmt(resolve_lag))
        unflagged = poller.wait("looper", lambda s: not s.looping, timeout=5, after=resolves[0]["_t"],
                                what="the status to stop showing looping after the resolve")
        self.note("looping cleared", "%s after the resolve" % fmt(unflagged.t - resolves[0]["_t"]))
        time.sleep(1.0)  # a second trigger or resolve would be on its way by now
        poller.stop()

        # The incidents: exactly one loop incident, resolved after the loop stopped.
        loops = server.alerts(agent="looper", kind="loop")
        self.note("loop incidents", len(loops))
        self.assertEqual(len(loops), 1, loops)
        incident = loops[0]
        self.assertIsNotNone(incident["resolved_at"], incident)
        self.assertGreaterEqual(parse_time(incident["resolved_at"]), last_call + QUIET_SECS - 0.5,
                                "the loop incident was resolved before quiet_secs had passed: %r" % incident)

        # Open continuously from detection until after the loop stopped, as GET /api/v1/alerts showed it.
        seen = [(t, [a for a in alerts if a["kind"] == "loop"]) for t, alerts in poller.alerts_over_time()]
        detected = next((t for t, loop in seen if loop), None)
        self.assertIsNotNone(detected, "no sample of /api/v1/alerts showed the loop incident")
        gaps = [(round(t - detected, 1), loop) for t, loop in seen
                if detected <= t <= last_call + 1.0
                and not (len(loop) == 1 and loop[0]["id"] == incident["id"] and loop[0]["resolved_at"] is None)]
        self.note("alert samples with the incident not open", len(gaps))
        self.assertEqual(gaps, [], "the loop incident was not open all along while the loop went on")

        # Notifications: one trigger, one resolve, nothing else of this agent.
        notes = self.receiver.notifications(agent="looper")
        self.note("triggers", len([n for n in notes if n["action"] == "trigger"]))
        self.note("resolves", len([n for n in notes if n["action"] == "resolve"]))
        self.assertEqual([(n["kind"], n["action"]) for n in notes], [("loop", "trigger"), ("loop", "resolve")])
        self.assertLessEqual(resolve_lag, QUIET_SECS + INTERVAL + MARGIN)

        # The status: `looping`, once true, stays true while the loop goes on; the state stays healthy.
        samples = poller.of("looper")
        first_looping = next((s for s in samples if s.looping), None)
        self.assertIsNotNone(first_looping, "the status never showed looping")
        self.note("looping shown", "%s after start" % fmt(first_looping.t - agent.started_at))
        drops = [round(s.t - agent.started_at, 1) for s in samples if first_looping.t <= s.t <= last_call and not s.looping]
        self.note("looping drops", len(drops))
        self.assertEqual(drops, [], "the looping flag went false during the loop (seconds after start)")
        states = sorted({s.state for s in samples})
        self.note("states seen", "/".join(states))
        self.assertEqual(states, ["healthy"], "the state left healthy")

        # What the SDK was told: loop_detected on every answer from the first one that carried it.
        warnings = [line.split()[4] for _, line in calls]
        if "loop_detected" in warnings:
            first = warnings.index("loop_detected")
            self.assertEqual(set(warnings[first:]), {"loop_detected"}, warnings)

        # The stored timeline (GET /api/v1/agents/{name}) must not leave healthy either: the samples above
        # can miss a state that lasted a few milliseconds. One thing is let through, and counted: a "late"
        # of less than BLIP_SECS. The SDK beats exactly every interval and the watchdog expects the next beat
        # exactly one interval after the last one was received, so a background beat that takes a
        # millisecond longer on the wire than the one before makes the agent late for that millisecond
        # (seen in the quiet phase, where only background beats come). That race is not this scenario's.
        timeline = list(reversed(server.detail("looper")["timeline"]))  # oldest first
        blips, left = 0, []
        for i, e in enumerate(timeline):
            if e["to"] == "healthy" or e["from"] == e["to"]:
                continue
            following = timeline[i + 1] if i + 1 < len(timeline) else None
            if (e["to"] == "late" and following is not None and following["to"] == "healthy"
                    and parse_time(following["at"]) - parse_time(e["at"]) < BLIP_SECS):
                blips += 1
                continue
            left.append((e["at"], e["from"], e["to"], e["cause"]))
        self.note("timeline late blips", blips)
        self.assertEqual(left, [], "the agent's timeline shows it leave healthy")

if __name__ == "__main__":
    unittest.main()
