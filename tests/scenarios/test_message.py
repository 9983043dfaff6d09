# SPDX-License-Identifier: MIT
"""Scenario: a work loop reports "step N" every second while the SDK's background beats (which carry no
message) go on in between. The status must always show the last message sent: never empty, never stale.
"""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import ScenarioCase, fmt  # noqa: E402

INTERVAL = 2     # s: background beats, no message
STEP_EVERY = 1   # s: ping(message="step N")
STEPS = 20
PERIOD = 0.25    # s between status samples

AGENT = """
clevagent.init(agent=os.environ["AGENT"], interval=float(os.environ["INTERVAL"]))
say("ready")
start = time.time()
for n in range(1, int(os.environ["STEPS"]) + 1):
    t0 = time.time()
    r = clevagent.ping(message="step %d" % n)
    t1 = time.time()
    say("sent", n, repr(t0), repr(t1), r.get("ok"))
    time.sleep(max(0.0, start + n * float(os.environ["STEP_EVERY"]) - time.time()))
say("done")
time.sleep(3600)
"""


class MessageScenario(ScenarioCase):
    name = "message"

    def test_the_last_message_is_kept_across_background_beats(self):
        server = self.start_server()
        poller = self.poll(["worker"], period=PERIOD)
        agent = self.spawn("worker", AGENT, interval=INTERVAL, ready="ready", STEPS=STEPS, STEP_EVERY=STEP_EVERY)
        agent.wait_line("done", timeout=STEPS * STEP_EVERY + 10)
        time.sleep(2 * PERIOD)
        poller.stop()

        sent = []  # (n, before the ping, after its answer)
        for _, line in agent.lines_with("sent "):
            _, n, t0, t1, ok = line.split()
            self.assertEqual(ok, "True", line)
            sent.append((int(n), float(t0), float(t1)))
        self.assertEqual([n for n, _, _ in sent], list(range(1, STEPS + 1)))

        # The background beats really went in between (else this proves nothing).
        beats = server.detail("worker")["beats"]
        silent = [b for b in beats if not b["message"]]
        self.note("background beats", len(silent))
        self.assertGreaterEqual(len(silent), STEPS * STEP_EVERY // INTERVAL - 2, beats)

        # Each sample against what had been sent: `acked` = the newest step answered before the request
        # began (it is committed: the answer comes after the commit), `started` = the newest step begun
        # before the request ended. The sample must show one of them, or lag by one step for one sample.
        samples = poller.of("worker")
        problems, lags, shown_steps, checked = [], {}, set(), 0
        for s in samples:
            acked = max((n for n, _, t1 in sent if t1 < s.t0), default=0)
            started = max((n for n, t0, _ in sent if t0 < s.t1), default=0)
            if acked == 0:
                continue
            checked += 1
            shown = s.last_message
            if not shown.startswith("step "):
                problems.append((round(s.t - agent.started_at, 2), "shows %r after step %d" % (shown, acked)))
                continue
            k = int(shown.split()[1])
            shown_steps.add(k)
            acked_at = sent[acked - 1][2]
            if k > started:
                problems.append((round(s.t - agent.started_at, 2), "shows step %d before it was sent" % k))
            elif k < acked - 1 or (k == acked - 1 and s.t0 - acked_at > PERIOD):
                problems.append((round(s.t - agent.started_at, 2),
                                 "shows step %d, %.2f s after step %d was answered" % (k, s.t0 - acked_at, acked)))
            for n in range(1, k + 1):
                lags.setdefault(n, s.t1 - sent[n - 1][2])
        self.note("samples checked", checked)
        self.note("stale or empty samples", len(problems))
        self.note("steps seen", "%d of %d" % (len(shown_steps), STEPS))
        self.note("max lag", fmt(max(lags.values())) if lags else "n/a")
        self.assertGreaterEqual(checked, STEPS * STEP_EVERY / PERIOD * 0.6, "too few samples to judge")
        self.assertEqual(problems, [], "the status showed an empty or stale last_message")
        states = sorted({s.state for s in samples})
        self.note("states seen", "/".join(states))
        self.assertEqual(states, ["healthy"])


if __name__ == "__main__":
    unittest.main()
