# SPDX-License-Identifier: MIT
"""Process life, with real child interpreters and real signals, against a real clevagent-server."""
import json
import os
import signal
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

PRELUDE = """
import os, time, clevagent
clevagent.init(api_key=os.environ["KEY"], agent=os.environ["AGENT"], interval=float(os.environ.get("INTERVAL", "60")),
               endpoint=os.environ["ENDPOINT"], on_loop=os.environ.get("ON_LOOP", "alert_only"))
clevagent.ping(message="started")
print("ready", flush=True)
"""


class LifecycleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = support.Server().start()
        cls.key = cls.server.create_key("ingest")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def spawn(self, agent, body, **env):
        env = dict({"KEY": self.key, "AGENT": agent, "ENDPOINT": self.server.url}, **env)
        process = support.run_agent(PRELUDE + body, env)
        self.addCleanup(self.reap, process)
        self.assertEqual(process.stdout.readline().strip(), "ready", process.stderr.read() if process.poll() else "")
        return process

    @staticmethod
    def reap(process):
        """Ends the child if a test left it running, and closes its pipes."""
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)

    def state(self, agent):
        a = self.server.agent(agent)
        return (a["state"], a["last_message"]) if a else None

    def test_sigterm_sends_shutdown_then_terminates_as_before(self):
        p = self.spawn("term", "time.sleep(60)")
        p.send_signal(signal.SIGTERM)
        self.assertEqual(p.wait(timeout=10), -signal.SIGTERM)  # still killed by the signal
        self.assertEqual(self.state("term"), ("stopped", "received SIGTERM"))

    def test_sigint_sends_shutdown_then_raises_keyboard_interrupt(self):
        p = self.spawn("int", "try:\n    print('waiting', flush=True)\n    time.sleep(60)\n"
                              "except KeyboardInterrupt:\n    print('interrupted', flush=True)\n")
        self.assertEqual(p.stdout.readline().strip(), "waiting")  # inside the try: the signal can come now
        p.send_signal(signal.SIGINT)
        out, _ = p.communicate(timeout=10)
        self.assertIn("interrupted", out)  # the program saw its KeyboardInterrupt as before
        self.assertEqual(p.returncode, 0)
        self.assertEqual(self.state("int"), ("stopped", "received SIGINT"))

    def test_chained_handler_still_runs(self):
        # The agent's own handler installed before init() must run after the shutdown beat. It writes with
        # os.write: the signal can land while the main thread is still inside print('ready')'s flush, and a
        # print() in the handler then raises "reentrant call inside <_io.BufferedWriter>" (CPython's
        # buffered files are not reentrant; seen 2 in 30 runs on a fresh Debian 12 under load).
        script = "import os, signal, sys\ndef mine(s, f):\n    os.write(1, b'my handler\\n')\n    sys.exit(7)\n" \
                 "signal.signal(signal.SIGTERM, mine)\n" + PRELUDE + "time.sleep(60)"
        env = {"KEY": self.key, "AGENT": "chained", "ENDPOINT": self.server.url}
        p = support.run_agent(script, env)
        self.addCleanup(self.reap, p)
        self.assertEqual(p.stdout.readline().strip(), "ready")
        p.send_signal(signal.SIGTERM)
        out, err = p.communicate(timeout=10)
        self.assertIn("my handler", out, "exit %s, stderr: %s" % (p.returncode, err[-2000:]))
        self.assertEqual(p.returncode, 7, err[-2000:])
        self.assertEqual(self.state("chained"), ("stopped", "received SIGTERM"))

    def test_unhandled_exception_sends_a_crash_beat(self):
        p = self.spawn("crasher", "raise ValueError('bad input')")
        _, err = p.communicate(timeout=10)
        self.assertEqual(p.returncode, 1)
        self.assertIn("ValueError: bad input", err)  # the original hook still printed it
        self.assertEqual(self.state("crasher"), ("error", "CRASH: ValueError: bad input"))
        custom = json.loads(self.server.sql("SELECT custom_data FROM heartbeats h JOIN agents a ON a.id = h.agent_id "
                                            "WHERE a.name = 'crasher' ORDER BY h.id DESC LIMIT 1")[0][0])
        self.assertIn("in <module>", custom["traceback"])  # a -c program has no source lines to show
        self.assertTrue(custom["traceback"].endswith("ValueError: bad input\n"))

    def test_exception_in_a_thread_is_a_crash_too(self):
        p = self.spawn("threads", "import threading\n"
                                  "t = threading.Thread(target=lambda: 1 / 0, name='worker')\nt.start(); t.join()\n")
        p.communicate(timeout=10)
        self.assertEqual(self.state("threads"), ("error", "CRASH: ZeroDivisionError: division by zero"))
        custom = json.loads(self.server.sql("SELECT custom_data FROM heartbeats h JOIN agents a ON a.id = h.agent_id "
                                            "WHERE a.name = 'threads' ORDER BY h.id DESC LIMIT 1")[0][0])
        self.assertEqual(custom["thread"], "worker")

    def test_normal_exit_sends_shutdown(self):
        p = self.spawn("finisher", "print('done')")
        p.communicate(timeout=10)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(self.state("finisher"), ("stopped", "the process exited"))

    def test_kill_9_leaves_the_agent_to_be_found_dead(self):
        p = self.spawn("victim", "time.sleep(60)", INTERVAL="1")
        self.server.wait_for(lambda: self.state("victim"), what="the victim's first beat")
        p.kill()
        p.wait(timeout=10)
        self.assertIn(self.state("victim")[0], ("healthy", "late"))
        self.server.wait_for(lambda: self.state("victim")[0] == "dead", timeout=10, what="the watchdog to find it dead")

    def test_stop_action_raises_in_the_main_thread(self):
        body = ("try:\n"
                "    for i in range(50):\n"
                "        clevagent.log_tool_call('search', 'same')\n"
                "        clevagent.ping()\n"
                "        time.sleep(0.05)\n"
                "    print('never stopped', flush=True)\n"
                "except clevagent.LoopDetected as e:\n"
                "    print('stopped:', e.reason, flush=True)\n")
        p = self.spawn("looper", body, ON_LOOP="stop")
        out, err = p.communicate(timeout=20)
        self.assertIn("stopped: the tool 'search' was called 5 times", out, err)
        self.assertEqual(p.returncode, 0)
        state, message = self.state("looper")
        self.assertEqual(state, "stopped")
        self.assertTrue(message.startswith("stopped by ClevAgent (loop_detected)"), message)

    def test_force_stop_exits_at_once(self):
        body = ("for i in range(50):\n"
                "    clevagent.log_tool_call('search', 'same')\n"
                "    clevagent.ping()\n"
                "print('still here', flush=True)\n")
        p = self.spawn("forced", body, ON_LOOP="force_stop")
        out, _ = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 3)
        self.assertNotIn("still here", out)
        self.assertEqual(self.state("forced")[0], "stopped")


if __name__ == "__main__":
    unittest.main()
