# SPDX-License-Identifier: MIT
"""The framework adapters (clevagent.integrations) and the rule that counts each model call once.

LangChain, LangGraph, CrewAI and AutoGen cannot be installed here (no PyPI on this machine): the tests
drive each adapter with objects built from the frameworks' documented callback types, field by field
(framework_shapes.py names them). The OpenAI and Anthropic calls that auto_cost captures go through
the stand-ins in stubs/. Beats go to a receiver on a real loopback socket and are checked field by
field; test_integrations_server.py runs each adapter against a real clevagent-server.
"""
import asyncio
import http.server
import inspect
import json
import os
import subprocess
import sys
import threading
import time
import unittest
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "stubs"))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

import framework_shapes as fs  # noqa: E402
from support import reset_sdk  # noqa: E402
from _shapes import Queue  # noqa: E402

import clevagent  # noqa: E402
from clevagent import _autocost, _ledger  # noqa: E402
from clevagent.integrations import _common  # noqa: E402
from clevagent.integrations.autogen import (clevagent_event, clevagent_reply_func, monitored_chat,  # noqa: E402
                                            monitored_stream)
from clevagent.integrations.crewai import clevagent_step_callback  # noqa: E402
from clevagent.integrations.langchain import ClevAgentCallbackHandler  # noqa: E402
from clevagent.integrations.langgraph import clevagent_node_callback, monitored_node  # noqa: E402

KEY = "cv_" + "k" * 40


class BeatRecorder:
    """A heartbeat receiver on a loopback socket that keeps every beat it is sent."""

    def __init__(self):
        self.beats = []
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with outer.lock:
                    outer.beats.extend(body["heartbeats"] if "heartbeats" in body else [body])
                answer = b'{"ok":true,"status":"healthy"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def take(self):
        with self.lock:
            beats, self.beats = self.beats, []
            return beats

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class AdapterTest(unittest.TestCase):
    auto_cost = False

    @classmethod
    def setUpClass(cls):
        cls.recorder = BeatRecorder()

    @classmethod
    def tearDownClass(cls):
        cls.recorder.close()

    def setUp(self):
        reset_sdk()
        _ledger.LEDGER.reset()
        Queue.responses = []
        self.warnings = []
        self.recorder.take()  # what the previous test left
        clevagent.init(api_key=KEY, agent="adapter-test", interval=3600, endpoint=self.recorder.url,
                       auto_cost=self.auto_cost, on_loop=lambda w, r: self.warnings.append(w))
        deadline = time.monotonic() + 5
        while not self.recorder.beats and time.monotonic() < deadline:  # the heartbeat thread's first beat
            time.sleep(0.005)
        self.assertTrue(self.recorder.take(), "the first beat never came")
        self.beats = []

    def tearDown(self):
        reset_sdk()
        _autocost.disable()

    def flush(self):
        """Sends what is pending and returns every beat received since the last call."""
        clevagent.ping(message="flush")
        self.beats += self.recorder.take()
        return self.beats

    def totals(self):
        self.flush()
        out = {}
        for name in ("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "tokens_used",
                     "tool_calls"):
            out[name] = sum(b.get(name, 0) for b in self.beats)
        return out

    def messages(self):
        self.beats += self.recorder.take()
        return [(b["status"], b.get("message")) for b in self.beats if b.get("message") != "flush"]

    def tool_log(self):
        self.flush()
        return [(e["name"], e.get("args")) for b in self.beats for e in b.get("tool_call_log", [])]


def tokens(input_tokens=0, output_tokens=0, cache_read=0, cache_write=0, tool_calls=0, tokens_used=None):
    return {"input_tokens": input_tokens, "output_tokens": output_tokens, "cache_read_tokens": cache_read,
            "cache_write_tokens": cache_write, "tool_calls": tool_calls,
            "tokens_used": tokens_used if tokens_used is not None else input_tokens + output_tokens + cache_read + cache_write}


# ---- the ledger ----------------------------------------------------------------------------------------

class LedgerTest(unittest.TestCase):
    def setUp(self):
        self.now = 1000.0
        self.ledger = _ledger.Ledger(size=8, window=120.0, clock=lambda: self.now)

    def test_an_id_is_counted_once_whoever_sees_it_first(self):
        self.assertIsNone(self.ledger.claim("auto_cost", ["chatcmpl-a"], (10, 5, 0, 0)))
        self.assertIsNotNone(self.ledger.claim("langchain", ["chatcmpl-a"], (10, 5, 0, 0)))
        # the other order
        self.assertIsNone(self.ledger.claim("langchain", ["msg_b"], (1, 2, 3, 4)))
        self.assertIsNotNone(self.ledger.claim("auto_cost", ["msg_b"], (1, 2, 3, 4)))
        # an integration seeing an id again (LangChain's cache replaying a result): nothing was spent
        self.assertIsNotNone(self.ledger.claim("langchain", ["msg_b"], (1, 2, 3, 4)))
        # auto_cost seeing a response again counts it again, as it always did
        self.assertIsNone(self.ledger.claim("auto_cost", ["chatcmpl-a"], (10, 5, 0, 0)))

    def test_without_an_id_the_same_usage_of_the_other_side_matches_once(self):
        self.assertIsNone(self.ledger.claim("auto_cost", ["chatcmpl-a"], (100, 20, 0, 0)))
        self.assertIsNone(self.ledger.claim("auto_cost", ["chatcmpl-b"], (100, 20, 0, 0)))  # an identical call
        self.assertIsNotNone(self.ledger.claim("langchain", [], (100, 20, 0, 0)))
        self.assertIsNotNone(self.ledger.claim("langchain", [], (100, 20, 0, 0)))
        self.assertIsNone(self.ledger.claim("langchain", [], (100, 20, 0, 0)))  # a third call auto_cost never saw
        self.assertIsNone(self.ledger.claim("langchain", [], (100, 21, 0, 0)))  # different figures

    def test_usage_matching_is_limited_in_time_and_by_the_kind_of_id(self):
        self.ledger.claim("auto_cost", ["chatcmpl-a"], (100, 20, 0, 0))
        self.assertIsNone(self.ledger.claim("langchain", ["chatcmpl-z"], (100, 20, 0, 0)))  # another completion
        self.ledger.claim("auto_cost", ["msg_a"], (7, 7, 0, 0))
        self.now += 121
        self.assertIsNone(self.ledger.claim("langchain", [], (7, 7, 0, 0)))  # too long ago to be the same call
        # the reverse order: the integration without an id first, auto_cost's response right after
        self.assertIsNone(self.ledger.claim("langchain", [], (3, 4, 5, 6)))
        self.assertIsNotNone(self.ledger.claim("auto_cost", ["msg_c"], (3, 4, 5, 6)))

    def test_a_bare_total_matches_one_call_or_the_last_ones_added_up(self):
        self.ledger.claim("auto_cost", ["chatcmpl-a"], (100, 20, 30, 0))   # 150
        self.assertIsNotNone(self.ledger.claim("langgraph", [], total=150))
        self.ledger.claim("auto_cost", ["chatcmpl-b"], (60, 10, 0, 0))     # 70
        self.ledger.claim("auto_cost", ["chatcmpl-c"], (20, 10, 0, 0))     # 30
        self.assertIsNotNone(self.ledger.claim("langgraph", [], total=100))  # a node that made both calls
        self.assertIsNone(self.ledger.claim("langgraph", [], total=100))     # those are taken now

    def test_it_stays_bounded(self):
        for i in range(50):
            self.ledger.claim("auto_cost", ["chatcmpl-%d" % i], (i + 1, 1, 0, 0), tool_calls=10)
        self.assertEqual(len(self.ledger._calls), 8)
        self.assertEqual(len(self.ledger._by_id), 8)
        self.assertLessEqual(len(self.ledger._credits), _ledger.MAX_CREDITS)
        self.assertIsNone(self.ledger.claim("langchain", ["chatcmpl-0"], (1, 1, 0, 0)))  # forgotten

    def test_tool_credits(self):
        self.assertFalse(self.ledger.take_tool_credit())
        self.ledger.claim("auto_cost", ["chatcmpl-a"], (1, 1, 0, 0), tool_calls=2)
        self.ledger.claim("langchain", ["chatcmpl-b"], (1, 1, 0, 0), tool_calls=5)  # only auto_cost's count
        self.assertTrue(self.ledger.take_tool_credit())
        self.now += 121
        self.assertFalse(self.ledger.take_tool_credit())  # a credit does not last


# ---- LangChain ---------------------------------------------------------------------------------------

class LangChainTest(AdapterTest):
    def run_llm(self, handler, result, model="gpt-4o"):
        run_id = uuid.uuid4()
        handler.on_chat_model_start({"id": ["langchain", "chat_models", "openai", "ChatOpenAI"], "kwargs": {}},
                                    [[]], run_id=run_id, parent_run_id=None, tags=[], metadata={"ls_model_name": model},
                                    invocation_params={"model": model, "_type": "openai-chat"}, name="ChatOpenAI")
        handler.on_llm_end(result, run_id=run_id, parent_run_id=None, tags=[])
        return run_id

    def test_openai_usage_from_usage_metadata_with_the_cache_moved_out(self):
        handler = ClevAgentCallbackHandler()
        self.run_llm(handler, fs.langchain_openai_result(fs.new_id("chatcmpl-"), "gpt-4o-2024-08-06", 1000, 200, cached=600))
        self.assertEqual(self.totals(), tokens(400, 200, 600, 0))
        beat = next(b for b in self.beats if b.get("message", "").startswith("LLM"))
        self.assertEqual(beat["message"], "LLM call done: gpt-4o-2024-08-06, 1200 tokens")
        self.assertEqual(beat["model"], "gpt-4o-2024-08-06")

    def test_anthropic_usage_metadata_includes_the_cache_in_input_tokens(self):
        handler = ClevAgentCallbackHandler(ping_on_llm_end=False)
        self.run_llm(handler, fs.langchain_anthropic_result(fs.new_id("msg_"), "claude-sonnet-4-5", 50, 300, 4000, 1000))
        self.run_llm(handler, fs.langchain_anthropic_result(fs.new_id("msg_"), "claude-sonnet-4-5", 50, 300, 4000, 1000,
                                                            ttl_split=True))  # langchain-anthropic 0.3.x
        self.assertEqual(self.totals(), tokens(100, 600, 8000, 2000))
        self.assertEqual(self.beats[-1]["model"], "claude-sonnet-4-5")
        self.assertEqual(self.messages(), [])  # no ping per call when asked not to

    def test_llm_output_token_usage_when_there_is_no_usage_metadata(self):
        handler = ClevAgentCallbackHandler()
        self.run_llm(handler, fs.langchain_completion_llm_result(120, 30), model="gpt-3.5-turbo-instruct")
        self.assertEqual(self.totals(), tokens(120, 30))
        # A raw Anthropic usage in llm_output (a wrapper that keeps no usage_metadata)
        result = fs.langchain_anthropic_result(fs.new_id("msg_"), "claude-haiku-4-5", 10, 20, 30, 40)
        result.generations[0][0].message.usage_metadata = None
        self.run_llm(handler, result)
        self.assertEqual(self.totals(), tokens(130, 50, 30, 40))
        # Only a total: counted unsplit
        self.run_llm(handler, fs.LLMResult([[fs.Generation("x")]], {"token_usage": {"total_tokens": 77}}))
        self.assertEqual(self.totals()["tokens_used"], 327)

    def test_tools_are_logged_with_their_arguments(self):
        handler = ClevAgentCallbackHandler()
        for query in ("a", "a", "b"):
            handler.on_tool_start({"name": "search", "description": "web search"}, str({"query": query}),
                                  run_id=uuid.uuid4(), parent_run_id=uuid.uuid4(), inputs={"query": query})
        handler.on_tool_start({}, "x" * 5000, run_id=uuid.uuid4(), name="reader")  # a long input, no name in serialized
        log = self.tool_log()
        self.assertEqual(log[:3], [("search", '{"query": "a"}'), ("search", '{"query": "a"}'), ("search", '{"query": "b"}')])
        self.assertEqual(log[3][0], "reader")
        self.assertEqual(len(log[3][1]), 200)  # bounded, and different long inputs stay different
        self.assertRegex(log[3][1], "…#[0-9a-f]{16}$")
        self.assertEqual(self.totals()["tool_calls"], 4)

    def test_errors(self):
        handler = ClevAgentCallbackHandler()

        class RateLimitError(Exception):
            pass

        error = RateLimitError("Error code: 429 - rate limit reached " + "x" * 2000)
        handler.on_llm_error(error, run_id=uuid.uuid4(), parent_run_id=uuid.uuid4())
        inner = uuid.uuid4()
        handler.on_chain_error(error, run_id=inner, parent_run_id=uuid.uuid4())  # on its way up: not again
        handler.on_chain_error(error, run_id=uuid.uuid4(), parent_run_id=None)   # the same exception at the top
        other = ValueError("bad state")
        handler.on_chain_error(other, run_id=uuid.uuid4(), parent_run_id=inner)  # inside: a retry may recover
        handler.on_chain_error(other, run_id=uuid.uuid4(), parent_run_id=None)

        class GraphInterrupt(Exception):  # langgraph.errors.GraphInterrupt: a pause for a human, not a failure
            pass

        handler.on_chain_error(GraphInterrupt("ask the user"), run_id=uuid.uuid4(), parent_run_id=None)
        tool_run = uuid.uuid4()
        handler.on_tool_start({"name": "fetch"}, "http://x", run_id=tool_run)
        handler.on_tool_error(TimeoutError("timed out"), run_id=tool_run)
        messages = self.messages()
        self.assertEqual([m[0] for m in messages], ["error", "error", "warning"], messages)
        self.assertTrue(messages[0][1].startswith("LLM error: RateLimitError: Error code: 429 - rate limit reached"))
        self.assertLessEqual(len(messages[0][1]), 500)
        self.assertEqual(messages[1][1], "chain error: ValueError: bad state")
        self.assertEqual(messages[2][1], "tool fetch failed: TimeoutError: timed out")

    def test_chain_end_pings_once_for_the_outermost_chain_when_asked(self):
        quiet = ClevAgentCallbackHandler()
        quiet.on_chain_end({}, run_id=uuid.uuid4(), parent_run_id=None)
        handler = ClevAgentCallbackHandler(ping_on_chain_end=True)
        handler.on_chain_end({"output": 1}, run_id=uuid.uuid4(), parent_run_id=uuid.uuid4())
        handler.on_chain_end({"output": 1}, run_id=uuid.uuid4(), parent_run_id=None)
        self.assertEqual(self.messages(), [("ok", "chain completed")])

    def test_odd_input_never_raises(self):
        handler = ClevAgentCallbackHandler()
        for response in (None, object(), fs.LLMResult(None, None), fs.LLMResult([[None]], {"token_usage": "n/a"}),
                         fs.LLMResult([[fs.ChatGeneration(fs.AIMessage(usage_metadata={"input_tokens": "many"}))]])):
            handler.on_llm_end(response, run_id=uuid.uuid4())
        handler.on_tool_start(None, None, run_id=uuid.uuid4())
        handler.on_llm_error(None, run_id=uuid.uuid4())
        self.assertEqual(self.totals()["tokens_used"], 0)

    def test_langchain_calling_convention_and_base_class(self):
        # With langchain_core installed the handler is a BaseCallbackHandler, and LangChain's dispatcher
        # (getattr of the ignore flags, positional and keyword arguments as it passes them) works with it.
        # The stand-in lives in framework_stubs; a child interpreter keeps it away from the other tests.
        script = r"""
import sys, uuid
sys.path[:0] = [%r, %r]
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.callbacks.manager import handle_event
from clevagent.integrations.langchain import ClevAgentCallbackHandler, _Base
assert _Base is BaseCallbackHandler and issubclass(ClevAgentCallbackHandler, BaseCallbackHandler)
h = ClevAgentCallbackHandler()
h.raise_error = True  # any exception in the handler fails this script
import copy
assert copy.deepcopy({"callbacks": [h]})["callbacks"][0] is h
run = uuid.uuid4()
handle_event([h], "on_chat_model_start", "ignore_chat_model", {"kwargs": {"model_name": "gpt-4o"}}, [[]], run_id=run,
             parent_run_id=None, tags=[], metadata={}, invocation_params={"model": "gpt-4o"}, name="ChatOpenAI", batch_size=1)
assert h._runs[run] == "gpt-4o"
handle_event([h], "on_llm_end", "ignore_llm", None, run_id=run, parent_run_id=None, tags=[])
handle_event([h], "on_tool_start", "ignore_agent", {"name": "search"}, "q", run_id=uuid.uuid4(), parent_run_id=None,
             tags=[], metadata={}, inputs={"q": 1}, color="green", name="search")
handle_event([h], "on_chain_error", "ignore_chain", ValueError("x"), run_id=uuid.uuid4(), parent_run_id=None, tags=[])
print("ok")
""" % (os.path.join(HERE, "framework_stubs"), os.path.dirname(HERE))
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
        self.assertEqual((result.returncode, result.stdout.strip()), (0, "ok"), result.stderr)
        self.assertNotIn("langchain_core", sys.modules)  # this process has the plain base class
        self.assertEqual(ClevAgentCallbackHandler.__mro__[1].__module__, "clevagent.integrations.langchain")


class NoDoubleCountTest(AdapterTest):
    """auto_cost on: LangChain's OpenAI / Anthropic calls go through the (stand-in) SDKs, which auto_cost
    captures; the handler reports the same calls. Each is counted once, in either order."""
    auto_cost = True

    def openai_call(self, response_id, prompt=1000, completion=200, cached=600, tool_calls=()):
        from openai.resources.chat.completions import Completions
        Queue.responses = [fs.openai_chat_completion(response_id, "gpt-4o-2024-08-06", prompt, completion, cached, tool_calls)]
        Completions().create(model="gpt-4o", messages=[])

    def anthropic_call(self, message_id, *usage):
        from anthropic.resources.messages import Messages
        Queue.responses = [fs.anthropic_message(message_id, "claude-sonnet-4-5", *usage)]
        Messages().create(model="claude-sonnet-4-5", max_tokens=100, messages=[])

    def test_sdk_first_then_the_callback(self):
        handler = ClevAgentCallbackHandler()
        rid = fs.new_id("chatcmpl-")
        self.openai_call(rid)
        handler.on_llm_end(fs.langchain_openai_result(rid, "gpt-4o-2024-08-06", 1000, 200, 600), run_id=uuid.uuid4())
        mid = fs.new_id("msg_")
        self.anthropic_call(mid, 50, 300, 4000, 1000)
        handler.on_llm_end(fs.langchain_anthropic_result(mid, "claude-sonnet-4-5", 50, 300, 4000, 1000), run_id=uuid.uuid4())
        self.assertEqual(self.totals(), tokens(400 + 50, 200 + 300, 600 + 4000, 1000))

    def test_callback_first_then_the_sdk(self):
        # e.g. a stream whose end auto_cost sees only when it is closed, after LangChain's on_llm_end
        handler = ClevAgentCallbackHandler()
        rid, mid = fs.new_id("chatcmpl-"), fs.new_id("msg_")
        handler.on_llm_end(fs.langchain_openai_result(rid, "gpt-4o-2024-08-06", 1000, 200, 600), run_id=uuid.uuid4())
        self.openai_call(rid)
        handler.on_llm_end(fs.langchain_anthropic_result(mid, "claude-sonnet-4-5", 50, 300, 4000, 1000), run_id=uuid.uuid4())
        self.anthropic_call(mid, 50, 300, 4000, 1000)
        self.assertEqual(self.totals(), tokens(400 + 50, 200 + 300, 600 + 4000, 1000))

    def test_a_stream_without_an_id_is_matched_by_its_usage(self):
        from openai.resources.chat.completions import Completions
        handler = ClevAgentCallbackHandler()
        rid = fs.new_id("chatcmpl-")
        Queue.responses = [fs.openai_chat_chunks(rid, "gpt-4o-mini", 300, 40, 100)]
        with Completions().create(model="gpt-4o-mini", messages=[], stream=True) as stream:
            list(stream)
        handler.on_llm_end(fs.langchain_openai_stream_result("gpt-4o-mini", 300, 40, 100), run_id=uuid.uuid4())
        self.assertEqual(self.totals(), tokens(200, 40, 100))
        # a call auto_cost did not see (another provider) with other figures is counted by the handler
        handler.on_llm_end(fs.langchain_openai_stream_result("gemini-2.5-flash", 310, 40), run_id=uuid.uuid4())
        self.assertEqual(self.totals(), tokens(510, 80, 100))

    def test_a_cached_result_replayed_by_langchain_is_not_counted_again(self):
        handler = ClevAgentCallbackHandler()
        rid = fs.new_id("chatcmpl-")
        self.openai_call(rid)
        for _ in range(3):
            handler.on_llm_end(fs.langchain_openai_result(rid, "gpt-4o-2024-08-06", 1000, 200, 600), run_id=uuid.uuid4())
        self.assertEqual(self.totals(), tokens(400, 200, 600))

    def test_tool_calls_counted_by_auto_cost_are_not_counted_again_when_run(self):
        handler = ClevAgentCallbackHandler()
        rid = fs.new_id("chatcmpl-")
        self.openai_call(rid, tool_calls=[("search", '{"q": "a"}'), ("fetch", '{"u": "b"}')])
        handler.on_llm_end(fs.langchain_openai_result(rid, "gpt-4o-2024-08-06", 1000, 200, 600,
                                                      tool_calls=[("search", {"q": "a"}), ("fetch", {"u": "b"})]),
                           run_id=uuid.uuid4())
        handler.on_tool_start({"name": "search"}, "{'q': 'a'}", run_id=uuid.uuid4(), inputs={"q": "a"})
        handler.on_tool_start({"name": "fetch"}, "{'u': 'b'}", run_id=uuid.uuid4(), inputs={"u": "b"})
        handler.on_tool_start({"name": "fetch"}, "{'u': 'c'}", run_id=uuid.uuid4(), inputs={"u": "c"})  # asked for by nobody auto_cost saw
        self.assertEqual(self.totals()["tool_calls"], 3)
        self.assertEqual([n for n, _ in self.tool_log()], ["search", "fetch", "fetch"])


# ---- CrewAI ----------------------------------------------------------------------------------------------

class CrewAITest(AdapterTest):
    def test_steps(self):
        clevagent_step_callback(fs.CrewToolResult(result="42 results", result_as_answer=False))
        clevagent_step_callback(fs.crew_tool_step("Search the internet", '{"search_query": "ClevAgent"}', "42 results"))
        clevagent_step_callback(fs.CrewAgentFinish("I know the answer", "The answer is " + "long " * 500, "..."))
        # CrewAI < 0.60: (AgentAction, observation) pairs and LangChain's AgentFinish
        clevagent_step_callback([(fs.LangChainAgentAction("Read website", {"url": "https://x"}, "log"), "page text")])
        clevagent_step_callback(fs.LangChainAgentFinish({"output": "done"}, "log"))
        clevagent_step_callback("something else")
        clevagent_step_callback(None)
        messages = [m for s, m in self.messages()]
        self.assertEqual(messages[:2], ["tool result: 42 results",
                                        'tool Search the internet({"search_query": "ClevAgent"}) -> 42 results'])
        self.assertTrue(messages[2].startswith("final answer: The answer is long long"))
        self.assertEqual(len(messages[2]), 300)
        self.assertEqual(messages[3:], ['tool Read website({"url": "https://x"}) -> page text', "final answer: done",
                                        "step: something else"])
        # the tool steps, logged once each (the ToolResult names no tool)
        self.assertEqual(self.tool_log(), [("Search the internet", '{"search_query": "ClevAgent"}'),
                                           ("Read website", '{"url": "https://x"}')])
        self.assertEqual(self.totals()["tool_calls"], 2)

    def test_a_broken_step_does_not_break_the_crew(self):
        class Weird:
            @property
            def tool(self):
                raise RuntimeError("boom")
        clevagent_step_callback(Weird())  # no exception


# ---- LangGraph ---------------------------------------------------------------------------------------

class GraphInterrupt(Exception):  # langgraph.errors.GraphInterrupt (a GraphBubbleUp)
    pass


class LangGraphTest(AdapterTest):
    def test_node_callback_counts_iterations_and_tokens(self):
        start = _common.next_iteration()
        clevagent_node_callback(node_name="research", tokens=1500)
        clevagent_node_callback("write", status="warning", message="draft too long " + "!" * 1000)
        clevagent_node_callback("write", tokens=-3)  # refused, the node still counts
        beats = [b for b in self.recorder.take()]
        self.assertEqual([b["iteration_count"] for b in beats], [start + 1, start + 2, start + 3])
        self.assertEqual([(b["status"], b["message"][:20]) for b in beats],
                         [("ok", "node:research"), ("warning", "draft too long !!!!!"), ("ok", "node:write")])
        self.assertEqual(len(beats[1]["message"]), 300)
        self.assertEqual(beats[0]["tokens_used"], 1500)
        self.assertNotIn("tokens_used", beats[2])

    def test_monitored_node_sync_async_errors_and_interrupts(self):
        @monitored_node("research")
        def research(state, config=None):
            """Researches."""
            if state.get("fail"):
                raise ValueError("no sources")
            if state.get("ask"):
                raise GraphInterrupt("need approval")
            return {"notes": state["topic"] + " notes", "config": config}

        @monitored_node
        async def write(state):
            await asyncio.sleep(0)
            if state.get("fail"):
                raise KeyError("draft")
            return {"draft": "text"}

        # LangGraph reads the node's signature (to pass config, store…) and name: both are the function's own
        self.assertEqual(list(inspect.signature(research).parameters), ["state", "config"])
        self.assertEqual((research.__name__, research.__doc__), ("research", "Researches."))
        self.assertTrue(inspect.iscoroutinefunction(write))
        self.assertEqual(research({"topic": "x"}, config={"k": 1}), {"notes": "x notes", "config": {"k": 1}})
        self.assertEqual(asyncio.run(write({})), {"draft": "text"})
        with self.assertRaises(ValueError):
            research({"fail": True})
        with self.assertRaises(KeyError):
            asyncio.run(write({"fail": True}))
        with self.assertRaises(GraphInterrupt):
            research({"ask": True})
        self.assertEqual(self.messages(), [("ok", "node:research completed"), ("ok", "node:write completed"),
                                           ("error", "node:research error: ValueError: no sources"),
                                           ("error", "node:write error: KeyError: 'draft'"),
                                           ("ok", "node:research interrupted (GraphInterrupt)")])
        counts = [b["iteration_count"] for b in self.beats if b.get("message") != "flush"]
        self.assertEqual(counts, list(range(counts[0], counts[0] + 5)))


class LangGraphNoDoubleCountTest(AdapterTest):
    auto_cost = True

    def test_a_node_reporting_tokens_auto_cost_captured(self):
        from openai.resources.chat.completions import Completions
        Queue.responses = [fs.openai_chat_completion(fs.new_id("chatcmpl-"), "gpt-4o", 900, 100),
                           fs.openai_chat_completion(fs.new_id("chatcmpl-"), "gpt-4o", 450, 50)]
        first, second = Completions().create(model="gpt-4o"), Completions().create(model="gpt-4o")
        clevagent_node_callback("research", tokens=first.usage.total_tokens + second.usage.total_tokens)
        clevagent_node_callback("check", tokens=77)  # a call auto_cost did not see
        self.assertEqual(self.totals(), tokens(1350, 150, tokens_used=1500 + 77))


# ---- AutoGen -------------------------------------------------------------------------------------------

class AutoGenTest(AdapterTest):
    def test_reply_func_observes_and_passes(self):
        assistant = fs.FakeConversableAgent("assistant", lambda messages: None)
        user = fs.FakeConversableAgent("user_proxy", lambda messages: None)
        messages = [{"content": "Analyze this", "role": "user", "name": "user_proxy"}]
        self.assertEqual(clevagent_reply_func(assistant, messages, user, None), (False, None))
        self.assertEqual(clevagent_reply_func(user, [fs.autogen_tool_call_message("search", '{"q": "x"}')], assistant),
                         (False, None))
        self.assertEqual(clevagent_reply_func(assistant, [fs.autogen_tool_response("3 hits")], user), (False, None))
        legacy = {"content": None, "role": "assistant", "function_call": {"name": "calc", "arguments": "{\"e\": \"1+1\"}"}}
        clevagent_reply_func(user, [legacy], assistant)
        clevagent_reply_func(user, [], assistant)
        clevagent_reply_func(user, None, assistant)
        self.assertEqual([m for s, m in self.messages()], [
            "user_proxy -> assistant: Analyze this", "assistant -> user_proxy: asks for search",
            "user_proxy -> assistant: tool result: 3 hits", "assistant -> user_proxy: asks for calc"])
        self.assertEqual(self.tool_log(), [("search", '{"q": "x"}'), ("calc", '{"e": "1+1"}')])

    def test_monitored_chat_registers_once_on_both_agents(self):
        turns = iter([fs.autogen_tool_call_message("search", '{"q": "x"}'), {"content": "TERMINATE", "role": "assistant"}])
        assistant = fs.FakeConversableAgent("assistant", lambda messages: next(turns, None))
        user = fs.FakeConversableAgent("user_proxy",
                                       lambda m: fs.autogen_tool_response("3 hits") if m[-1].get("tool_calls") else None)
        result = monitored_chat(user, assistant, message="Find x")
        monitored_chat(user, assistant, message="again")  # registered already: not twice
        self.assertEqual(result.summary, "TERMINATE")
        for agent in (user, assistant):
            self.assertEqual(sum(e["reply_func"] is clevagent_reply_func for e in agent._reply_func_list), 1)
            self.assertIs(agent._reply_func_list[0]["reply_func"], clevagent_reply_func)  # first: sees every message
        messages = [m for s, m in self.messages()]
        self.assertEqual(messages[:6], ["autogen: chat user_proxy -> assistant started", "user_proxy -> assistant: Find x",
                                        "assistant -> user_proxy: asks for search",
                                        "user_proxy -> assistant: tool result: 3 hits",
                                        "assistant -> user_proxy: TERMINATE",
                                        "autogen: chat with assistant completed: TERMINATE"])

        def broken(messages):
            raise ConnectionError("model unreachable")
        with self.assertRaises(ConnectionError):
            monitored_chat(user, fs.FakeConversableAgent("critic", broken), message="review")
        self.assertEqual(self.messages()[-1], ("error", "autogen: chat with critic failed: ConnectionError: model unreachable"))

    def test_agentchat_0_4_stream(self):
        events = [fs.agentchat_text("user", "Find x"), fs.agentchat_chunk("assistant", "Fi"),
                  fs.agentchat_tool_request("assistant", [("search", '{"q": "x"}'), ("fetch", '{"u": "y"}')]),
                  fs.agentchat_tool_execution("assistant", [("search", "3 hits", False), ("fetch", "404", True)]),
                  fs.agentchat_text("assistant", "Here it is", 500, 60),
                  fs.TaskResult(messages=[], stop_reason="Text 'TERMINATE' mentioned")]

        async def run_stream():
            for event in events:
                yield event

        async def consume():
            return [e async for e in monitored_stream(run_stream())]
        self.assertEqual(asyncio.run(consume()), events)  # passed through unchanged
        clevagent_event(object())
        self.assertEqual(self.messages()[:5], [
            ("ok", "user: Find x"), ("ok", "assistant: asks for search, fetch"),
            ("warning", "assistant: 2 tool result(s), 1 failed: 404"), ("ok", "assistant: Here it is"),
            ("ok", "autogen: task done: Text 'TERMINATE' mentioned")])
        self.assertEqual(self.tool_log(), [("search", '{"q": "x"}'), ("fetch", '{"u": "y"}')])
        self.assertEqual(self.totals()["tokens_used"], 0)  # models_usage is auto_cost's to count (no id to match)


class BeforeInitTest(unittest.TestCase):
    def test_every_entry_point_is_a_no_op_before_init(self):
        reset_sdk()
        handler = ClevAgentCallbackHandler()
        handler.on_llm_end(fs.langchain_openai_result("chatcmpl-x", "gpt-4o", 1, 1), run_id=uuid.uuid4())
        handler.on_tool_start({"name": "t"}, "x", run_id=uuid.uuid4())
        handler.on_llm_error(ValueError("x"), run_id=uuid.uuid4())
        clevagent_step_callback(fs.crew_tool_step("t", "x", "y"))
        self.assertFalse(clevagent_node_callback("n", tokens=5)["ok"])
        self.assertEqual(clevagent_reply_func(None, [{"content": "x"}]), (False, None))
        self.assertEqual(monitored_node("n")(lambda s: s + 1)(1), 2)


if __name__ == "__main__":
    unittest.main()
