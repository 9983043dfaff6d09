# SPDX-License-Identifier: MIT
"""The SDK against a real clevagent-server (started by the test on a free port)."""
import http.server
import json
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
from support import reset_sdk  # noqa: E402

import clevagent  # noqa: E402
from clevagent import _client as client_module  # noqa: E402


class DeliveryTest(unittest.TestCase):
    def setUp(self):
        reset_sdk()
        self.server = support.Server().start()
        self.key = self.server.create_key("ingest")

    def tearDown(self):
        reset_sdk()
        self.server.stop()

    def test_beats_arrive_with_interval_usage_and_model(self):
        clevagent.init(api_key=self.key, agent="researcher", interval=30, endpoint=self.server.url, agent_type="openai")
        self.server.wait_for(lambda: self.server.agent("researcher"), what="the first beat")
        clevagent._record_usage(input_tokens=1000, output_tokens=200, cache_read=500, model="gpt-4o", tool_calls=1)
        clevagent.log_tool_call("search", "q=" + "x" * 500)
        clevagent.log_prompt("What is the weather?")
        clevagent.log_iteration(7)
        result = clevagent.ping(message="step 7")
        self.assertEqual(result, {"ok": True, "status": "healthy", "warning": None})
        agent = self.server.agent("researcher")
        self.assertEqual(agent["expected_interval"], 30)
        self.assertEqual(agent["iteration_count"], 7)
        self.assertEqual(agent["tokens_today"], 1700)
        self.assertEqual(agent["model"], "gpt-4o")
        self.assertEqual(agent["agent_type"], "openai")
        # gpt-4o: $2.50/M input, $10/M output, $1.25/M cached: priced by the server.
        self.assertAlmostEqual(agent["cost_today_usd"], 0.0025 + 0.002 + 0.000625, places=9)
        row = self.server.sql("SELECT tool_calls, tool_call_log, prompt_hashes, cache_read_tokens FROM heartbeats "
                              "WHERE message = 'step 7'")[0]
        self.assertEqual(row[0], 2)
        self.assertIn('"args":"q=' + "x" * 198 + '"', row[1])  # args cut at 200 characters
        self.assertIn("[\"", row[2])
        self.assertEqual(row[3], 500)

    def test_log_cost_both_forms_and_never_raises(self):
        self.assertFalse(clevagent.log_cost(tokens=1)["ok"])  # before init: an answer, not an exception
        clevagent.init(api_key=self.key, agent="coster", interval=60, endpoint=self.server.url, auto_cost=False)
        self.assertEqual(clevagent.log_cost(1500, 0.045, "gpt-4o"),
                         {"ok": True, "tokens": 1500, "cost": 0.045, "tool_calls": None, "iteration_count": None,
                          "model": "gpt-4o", "error": None})
        r = clevagent.log_cost(tokens=500, cost=0.005, tool_calls=3, iteration_count=42)
        self.assertTrue(r["ok"])
        self.assertEqual((r["tokens"], r["cost"], r["tool_calls"], r["iteration_count"]), (500, 0.005, 3, 42))
        bad = clevagent.log_cost(tokens=-5)
        self.assertEqual((bad["ok"], bad["error"]), (False, "tokens must be a non-negative integer"))
        self.assertFalse(clevagent.log_cost(cost="lots")["ok"])
        self.assertFalse(clevagent.log_cost(tokens=1.5)["ok"])
        clevagent.ping()
        agent = self.server.agent("coster")
        self.assertEqual(agent["tokens_today"], 2000)
        self.assertAlmostEqual(agent["cost_today_usd"], 0.05)
        self.assertEqual(agent["iteration_count"], 42)

    def test_init_checks_its_arguments_and_reconfigures(self):
        with self.assertRaises(ValueError):
            clevagent.init(api_key=self.key, agent="", endpoint=self.server.url)
        with self.assertRaises(ValueError):
            clevagent.init(api_key=self.key, agent="a", on_loop="panic", endpoint=self.server.url)
        os.environ.pop("CLEVAGENT_API_KEY", None)
        with self.assertRaises(ValueError):
            clevagent.init(agent="a", endpoint=self.server.url)
        first = clevagent.init(api_key=self.key, agent="one", interval=60, endpoint=self.server.url)
        second = clevagent.init(api_key=self.key, agent="two", interval=60, endpoint=self.server.url)
        self.assertIs(first, second)  # one client, reconfigured
        self.server.wait_for(lambda: self.server.agent("two"), what="the reconfigured agent")

    def test_buffering_across_a_server_restart_loses_no_cost(self):
        clevagent.init(api_key=self.key, agent="buffered", interval=60, endpoint=self.server.url, auto_cost=False)
        self.server.wait_for(lambda: self.server.agent("buffered"), what="the first beat")
        self.server.stop()
        for i in range(5):
            clevagent.log_cost(tokens=100, cost=0.01)
            result = clevagent.ping(message="offline %d" % i)
            self.assertFalse(result["ok"])
            self.assertTrue(result["queued"])
        self.assertEqual(clevagent._client.pending(), 5)
        self.server.start()
        clevagent._client._next_attempt = 0  # skip the back-off wait
        clevagent._client._wake.set()
        self.server.wait_for(lambda: clevagent._client.pending() == 0, what="the buffer to drain")
        agent = self.server.agent("buffered")
        self.assertAlmostEqual(agent["cost_today_usd"], 0.05)
        self.assertEqual(agent["tokens_today"], 500)
        # Delivered late, each with its own time.
        times = [r[0] for r in self.server.sql("SELECT occurred_at FROM heartbeats WHERE message LIKE 'offline %' ORDER BY id")]
        self.assertEqual(len(times), 5)
        self.assertEqual(times, sorted(times))

    def test_a_full_buffer_drops_the_oldest_and_counts(self):
        clevagent.init(api_key=self.key, agent="small", interval=60, endpoint=self.server.url, buffer_size=3)
        self.server.wait_for(lambda: self.server.agent("small"), what="the first beat")
        self.server.stop()
        for i in range(5):
            clevagent.ping(message="m%d" % i)
        self.assertEqual(clevagent._client.pending(), 3)
        self.assertEqual(clevagent._client.dropped, 2)

    def test_a_refused_key_is_reported_once_and_not_retried(self):
        with self.assertLogs("clevagent", level="ERROR") as logs:
            clevagent.init(api_key="cv_" + "x" * 40, agent="intruder", interval=1, endpoint=self.server.url)
            self.server.wait_for(lambda: clevagent._client._unauthorized, what="the 401")
            for _ in range(3):
                self.assertFalse(clevagent.ping()["ok"])
            time.sleep(1.5)  # the liveness thread's next beats are not sent either
        self.assertEqual(len([m for m in logs.output if "refused the API key" in m]), 1)
        metrics = self.server.get("/metrics")
        self.assertIn('clevagent_heartbeats_rejected_total{reason="unauthorized"} 1\n', metrics)

    def test_retry_after_is_honoured(self):
        slow = self.server.create_key("ingest", rate_limit=1)
        clevagent.init(api_key=slow, agent="throttled", interval=60, endpoint=self.server.url)
        self.server.wait_for(lambda: self.server.agent("throttled"), what="the first beat")
        result = clevagent.ping(message="too soon")
        self.assertFalse(result["ok"])
        self.assertIn("429", result["error"])
        wait = clevagent._client._next_attempt - time.monotonic()
        self.assertGreater(wait, 50)  # the server said: one request a minute
        self.assertEqual(clevagent._client.pending(), 1)  # kept for later, not lost
        self.assertTrue(clevagent.ping(message="queued behind it")["queued"])

    def test_warnings_from_the_server_run_the_actions(self):
        reset_sdk()
        self.server.stop()
        self.server = support.Server(config={"agents": {"spender": {"daily_budget_usd": 0.01}}}, port=self.server.port).start()
        key = self.server.create_key("ingest")
        seen = []

        def on_cost(warning, reason):
            seen.append((warning, reason))
            raise RuntimeError("a broken callback must not stop the heartbeat")

        clevagent.init(api_key=key, agent="spender", interval=60, endpoint=self.server.url, on_cost_exceeded=on_cost,
                       on_loop=lambda w, r: seen.append((w, r)))
        # The heartbeat thread's first beat must not take the cost (its answer would carry the warning).
        self.server.wait_for(lambda: self.server.agent("spender"), what="the first beat")
        clevagent.log_cost(cost=0.02)
        self.assertEqual(clevagent.ping()["warning"], "cost_exceeded")
        self.assertEqual(seen[0], ("cost_exceeded", "spent $0.02 today; the daily budget is $0.01"))
        for _ in range(5):
            clevagent.log_tool_call("search", "the same query")
            answer = clevagent.ping()
        self.assertEqual(answer["warning"], "loop_detected")
        self.assertIn(("loop_detected", "the tool 'search' was called 5 times in a row with the same arguments"), seen)
        self.assertTrue(clevagent._client._thread.is_alive())

    def test_the_last_word_waits_for_a_beat_already_on_the_wire(self):
        # A receiver on a real loopback socket that holds each regular beat for a moment, as a busy server
        # would. A crash or shutdown beat sent meanwhile must not overtake it, or the server would store the
        # regular beat last and show the agent healthy after it crashed.
        with SlowReceiver(hold=0.8) as receiver:
            clevagent.init(api_key=self.key, agent="racer", interval=60, endpoint=receiver.url)
            self.assertTrue(receiver.held.wait(5), "the first beat never arrived")
            self.assertTrue(clevagent.shutdown("bye")["ok"])
            self.assertEqual(receiver.log(), [("received", "ok"), ("answered", "ok"),
                                              ("received", "shutdown"), ("answered", "shutdown")])

    def test_nothing_follows_the_last_word(self):
        # Shut down right after init(), before or while the heartbeat thread sends its first beat: whatever
        # the interleaving, the shutdown beat is the last one the receiver gets.
        with SlowReceiver(hold=0.05) as receiver:
            for round in range(10):
                reset_sdk()
                receiver.clear()
                clevagent.init(api_key=self.key, agent="racer-%d" % round, interval=60, endpoint=receiver.url)
                clevagent.shutdown("bye")
                time.sleep(0.15)  # a regular beat sent after it would arrive by now
                log = receiver.log()
                self.assertEqual(log[-2:], [("received", "shutdown"), ("answered", "shutdown")], log)
                self.assertNotIn(("received", "ok"), log[log.index(("received", "shutdown")):], log)

    def test_an_endless_answer_is_not_read_to_its_end(self):
        # Something posing as the server answers 200 with a body that never ends: the beat counts as
        # delivered, and the SDK reads at most 1 MiB of it instead of hanging or filling memory.
        written = []

        class Endless(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                mib = 0
                try:
                    for mib in range(1, 201):  # 200 MiB, unless the client lets go first
                        self.wfile.write(b" " * (1 << 20))
                except OSError:
                    pass
                written.append(mib)

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endless)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            started = time.monotonic()
            clevagent.init(api_key=self.key, agent="flooded", interval=60,
                           endpoint="http://127.0.0.1:%d" % server.server_address[1])
            result = clevagent.ping(message="still here")
            self.assertTrue(result["ok"], result)
            self.assertLess(time.monotonic() - started, 10)
            for _ in range(100):
                if len(written) >= 2:  # the heartbeat thread's beat and the ping
                    break
                time.sleep(0.05)
            self.assertEqual(len(written), 2)
            self.assertTrue(all(mib < 50 for mib in written), written)  # the client let go early
        finally:
            reset_sdk()
            server.shutdown()
            server.server_close()

    def test_init_after_shutdown_monitors_again(self):
        clevagent.init(api_key=self.key, agent="phoenix", interval=60, endpoint=self.server.url)
        self.assertTrue(clevagent.shutdown("done for now")["ok"])
        self.assertEqual(self.server.agent("phoenix")["state"], "stopped")
        # The server keeps a shutdown as the last word against a regular beat that occurred within 100 ms
        # after it (a beat of the same process racing it); a new session comes later than that.
        time.sleep(0.15)
        clevagent.init(api_key=self.key, agent="phoenix", interval=60, endpoint=self.server.url)
        self.assertEqual(clevagent.ping(message="back")["ok"], True)
        self.assertEqual(self.server.agent("phoenix")["state"], "healthy")  # the heartbeat thread may beat last

    @staticmethod
    def _wait_until(predicate, timeout=5.0):
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("timed out")
            time.sleep(0.01)

    def test_a_last_word_that_left_the_process_open_is_said_again_if_overtaken(self):
        # SIGINT says "stopped" but may be caught, so regular beats may follow it. When one was stored just
        # after (it was under way) and the process then ends, the last word is said again; when the program
        # went on for a while, its exit is the last word.
        with SlowReceiver(hold=0) as receiver:
            client = clevagent.init(api_key=self.key, agent="interrupted", interval=60, endpoint=receiver.url)
            self.assertTrue(receiver.held.wait(5))
            client.final_beat("shutdown", "received SIGINT", closing=False)
            self.assertTrue(clevagent.ping(message="still going")["ok"])  # stored after the last word
            client.final_beat("shutdown", "the process exited")  # what the exit hook says
            self.assertEqual(receiver.beats()[-1], ("shutdown", "received SIGINT"))

            reset_sdk()
            client = clevagent.init(api_key=self.key, agent="went-on", interval=60, endpoint=receiver.url)
            client.final_beat("shutdown", "received SIGINT", closing=False)
            self.assertTrue(clevagent.ping(message="handled it, going on")["ok"])
            said_at, *rest = client._last_word
            client._last_word = (said_at - 60, *rest)  # as if a minute had passed
            client.final_beat("shutdown", "the process exited")
            self.assertEqual(receiver.beats()[-1], ("shutdown", "the process exited"))
            # With nothing after it, the last word stands.
            reset_sdk()
            client = clevagent.init(api_key=self.key, agent="quiet", interval=60, endpoint=receiver.url)
            self._wait_until(lambda: ("ok", None) in receiver.beats()[-1:])  # its first beat, before the last word
            client.final_beat("shutdown", "received SIGINT", closing=False)
            self.assertIsNone(client.final_beat("shutdown", "the process exited"))
            self.assertEqual(receiver.beats()[-1], ("shutdown", "received SIGINT"))


class SlowReceiver:
    """A heartbeat receiver on a real loopback socket that holds each regular ("ok") beat for `hold`
    seconds and logs when each beat was received and answered."""

    def __init__(self, hold):
        self.hold = hold
        self.held = threading.Event()
        self._events = []
        self._beats = []  # (status, message), in the order received
        self._lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                beat = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with outer._lock:
                    outer._events.append(("received", beat["status"]))
                    outer._beats.append((beat["status"], beat.get("message")))
                if beat["status"] == "ok":
                    outer.held.set()
                    time.sleep(outer.hold)
                with outer._lock:
                    outer._events.append(("answered", beat["status"]))
                body = b'{"ok":true,"status":"healthy"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self._server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def log(self):
        with self._lock:
            return list(self._events)

    def beats(self):
        with self._lock:
            return list(self._beats)

    def clear(self):
        with self._lock:
            self._events.clear()
        self.held.clear()

if __name__ == "__main__":
    unittest.main()
