# SPDX-License-Identifier: MIT
"""Each framework adapter end to end, against a real clevagent-server (started on a free port).

A scripted agent loop per framework, with its callbacks fed objects shaped like the framework's
(framework_shapes.py; the frameworks cannot be installed here) and its model calls going through the
OpenAI / Anthropic stand-ins (stubs/), which auto_cost captures. The server must end up with the
agent's tokens and cost counted once, the repeated tool call found as a loop, and the agent's
messages as the adapter wrote them.
"""
import os
import sys
import unittest
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "stubs"))
sys.path.insert(0, HERE)
import support  # noqa: E402  (puts the SDK on sys.path)
from support import reset_sdk  # noqa: E402

import framework_shapes as fs  # noqa: E402
from _shapes import Queue  # noqa: E402

import clevagent  # noqa: E402
from clevagent import _autocost, _ledger  # noqa: E402
from clevagent.integrations import _common  # noqa: E402
from clevagent.integrations.autogen import monitored_chat  # noqa: E402
from clevagent.integrations.crewai import clevagent_step_callback  # noqa: E402
from clevagent.integrations.langchain import ClevAgentCallbackHandler  # noqa: E402
from clevagent.integrations.langgraph import clevagent_node_callback, monitored_node  # noqa: E402

# Prices of the bundled table (resources/pricing/model_prices.json), per token.
GPT_4O = {"input": 2.5e-6, "output": 1e-5, "cache_read": 1.25e-6}
GPT_4O_MINI = {"input": 1.5e-7, "output": 6e-7}
SONNET_4_5 = {"input": 3e-6, "output": 1.5e-5, "cache_read": 3e-7, "cache_write": 3.75e-6}


def price(table, input_tokens=0, output_tokens=0, cache_read=0, cache_write=0):
    return (input_tokens * table["input"] + output_tokens * table["output"]
            + cache_read * table.get("cache_read", 0) + cache_write * table.get("cache_write", 0))


def openai_call(response_id, model, prompt, completion, cached=0, tool_calls=()):
    from openai.resources.chat.completions import Completions
    Queue.responses = [fs.openai_chat_completion(response_id, model, prompt, completion, cached, tool_calls)]
    return Completions().create(model=model, messages=[])


def anthropic_call(message_id, model, *usage):
    from anthropic.resources.messages import Messages
    Queue.responses = [fs.anthropic_message(message_id, model, *usage)]
    return Messages().create(model=model, max_tokens=1000, messages=[])


LOOP_REASON = "the tool '%s' was called 5 times in a row with the same arguments"


class IntegrationsAgainstServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = support.Server().start()
        cls.key = cls.server.create_key("ingest")

    @classmethod
    def tearDownClass(cls):
        reset_sdk()
        cls.server.stop()

    def setUp(self):
        reset_sdk()
        _ledger.LEDGER.reset()
        Queue.responses = []
        self.warnings = []

    def tearDown(self):
        reset_sdk()
        _autocost.disable()

    def start(self, agent):
        clevagent.init(api_key=self.key, agent=agent, interval=60, endpoint=self.server.url, auto_cost=True,
                       on_loop=lambda warning, reason: self.warnings.append((warning, reason)))
        self.server.wait_for(lambda: self.server.agent(agent), what="the first beat")

    def stored(self, agent):
        """(sum of tool_calls, of cache_read_tokens, of cache_write_tokens, the messages in order) as stored."""
        where = "FROM heartbeats WHERE agent_id = (SELECT id FROM agents WHERE name = '%s')" % agent
        sums = self.server.sql("SELECT SUM(tool_calls), SUM(cache_read_tokens), SUM(cache_write_tokens) " + where)[0]
        messages = [r[0] for r in self.server.sql("SELECT message " + where + " AND message IS NOT NULL AND message != ''"
                                                  " ORDER BY occurred_at, id")]
        return sums, messages

    def assert_loop(self, agent, tool):
        self.assertIn(("loop_detected", LOOP_REASON % tool), self.warnings)  # the answers ran on_loop
        # The watchdog stores its flags and timeline within 200 ms.
        self.server.wait_for(lambda: self.server.agent(agent)["looping"], timeout=5, what="the looping flag")
        causes = [r[0] for r in self.server.sql("SELECT cause FROM state_changes WHERE agent_id = (SELECT id FROM agents "
                                                "WHERE name = '%s')" % agent)]
        self.assertIn("loop detected: " + LOOP_REASON % tool, causes)

    def test_langchain(self):
        self.start("lc-researcher")
        handler = ClevAgentCallbackHandler(ping_on_chain_end=True)
        root = uuid.uuid4()
        for _ in range(5):
            # ChatOpenAI calls the OpenAI SDK (auto_cost counts it), then LangChain reports the same call
            rid = fs.new_id("chatcmpl-")
            openai_call(rid, "gpt-4o-2024-08-06", 1000, 200, 600, [("search", '{"query": "weather"}')])
            run = uuid.uuid4()
            handler.on_chat_model_start({"kwargs": {"model_name": "gpt-4o"}}, [[]], run_id=run, parent_run_id=root,
                                        invocation_params={"model": "gpt-4o"})
            handler.on_llm_end(fs.langchain_openai_result(rid, "gpt-4o-2024-08-06", 1000, 200, 600,
                                                          [("search", {"query": "weather"})]),
                               run_id=run, parent_run_id=root)
            handler.on_tool_start({"name": "search"}, "{'query': 'weather'}", run_id=uuid.uuid4(), parent_run_id=root,
                                  inputs={"query": "weather"})
        # ChatAnthropic: LangChain's report first, auto_cost's capture of the same message after it
        mid = fs.new_id("msg_")
        handler.on_llm_end(fs.langchain_anthropic_result(mid, "claude-sonnet-4-5", 50, 300, 4000, 1000),
                           run_id=uuid.uuid4(), parent_run_id=root)
        anthropic_call(mid, "claude-sonnet-4-5", 50, 300, 4000, 1000)
        handler.on_chain_end({"output": "sunny"}, run_id=root, parent_run_id=None)

        class RateLimitError(Exception):
            pass
        handler.on_llm_error(RateLimitError("Error code: 429 - slow down"), run_id=uuid.uuid4(), parent_run_id=uuid.uuid4())

        agent = self.server.agent("lc-researcher")
        self.assertEqual(agent["tokens_today"], 5 * 1200 + 5350)
        self.assertAlmostEqual(agent["cost_today_usd"], 5 * price(GPT_4O, 400, 200, 600)
                               + price(SONNET_4_5, 50, 300, 4000, 1000), places=9)
        self.assertEqual(agent["unpriced_beats_today"], 0)
        self.assert_loop("lc-researcher", "search")
        self.assertEqual((agent["last_status"], agent["last_message"]), ("error", "LLM error: RateLimitError: Error code: 429 - slow down"))
        sums, messages = self.stored("lc-researcher")
        self.assertEqual(sums, (5, 5 * 600 + 4000, 1000))  # 5 tool calls, not 10
        self.assertEqual(messages, ["LLM call done: gpt-4o-2024-08-06, 1200 tokens"] * 5
                         + ["LLM call done: claude-sonnet-4-5, 5350 tokens", "chain completed",
                            "LLM error: RateLimitError: Error code: 429 - slow down"])

    def test_crewai(self):
        self.start("crew-writer")
        for _ in range(5):
            # CrewAI's native OpenAI provider (ReAct text, no tool_calls): auto_cost counts the tokens
            openai_call(fs.new_id("chatcmpl-"), "gpt-4o-mini", 800, 150)
            clevagent_step_callback(fs.crew_tool_step("Search the internet", '{"search_query": "ClevAgent pricing"}',
                                                      "No results found"))
        openai_call(fs.new_id("chatcmpl-"), "gpt-4o-mini", 800, 150)
        clevagent_step_callback(fs.CrewAgentFinish("I can answer now", "ClevAgent runs locally. " * 40, "..."))
        agent = self.server.agent("crew-writer")
        self.assertEqual(agent["tokens_today"], 6 * 950)
        self.assertAlmostEqual(agent["cost_today_usd"], 6 * price(GPT_4O_MINI, 800, 150), places=9)
        self.assert_loop("crew-writer", "Search the internet")
        sums, messages = self.stored("crew-writer")
        self.assertEqual(sums[0], 5)
        self.assertEqual(messages[:5], ['tool Search the internet({"search_query": "ClevAgent pricing"}) -> No results found'] * 5)
        self.assertEqual(len(messages), 6)
        self.assertTrue(agent["last_message"].startswith("final answer: ClevAgent runs locally. ClevAgent"))
        self.assertEqual(len(agent["last_message"]), 300)

    def test_langgraph(self):
        self.start("graph-planner")
        handler = ClevAgentCallbackHandler(ping_on_llm_end=False)  # config={"callbacks": [handler]}
        graph_run = uuid.uuid4()
        first = _common._iterations

        def research(state):  # a node that reports its own tokens
            response = openai_call(fs.new_id("chatcmpl-"), "gpt-4o", 300, 30)
            clevagent_node_callback(node_name="research", tokens=response.usage.total_tokens)
            return {"notes": "n"}

        @monitored_node("agent")
        def agent_node(state):
            rid = fs.new_id("chatcmpl-")
            openai_call(rid, "gpt-4o", 500, 80, 0, [("lookup", '{"id": 7}')])
            handler.on_llm_end(fs.langchain_openai_result(rid, "gpt-4o", 500, 80, 0, [("lookup", {"id": 7})]),
                               run_id=uuid.uuid4(), parent_run_id=graph_run)
            return {"messages": ["tool call"]}

        @monitored_node("tools")
        def tools_node(state):  # LangGraph's ToolNode runs the tool with the graph's callbacks
            handler.on_tool_start({"name": "lookup"}, "{'id': 7}", run_id=uuid.uuid4(), parent_run_id=graph_run,
                                  inputs={"id": 7})
            return {"messages": ["result"]}

        @monitored_node
        def summarize(state):
            raise ValueError("nothing to summarize")

        research({})
        for _ in range(5):
            agent_node({})
            tools_node({})
        with self.assertRaises(ValueError):
            summarize({})
        agent = self.server.agent("graph-planner")
        self.assertEqual(agent["iteration_count"], first + 12)
        self.assertEqual(agent["tokens_today"], 330 + 5 * 580)
        self.assertAlmostEqual(agent["cost_today_usd"], price(GPT_4O, 300, 30) + 5 * price(GPT_4O, 500, 80), places=9)
        self.assert_loop("graph-planner", "lookup")
        self.assertEqual((agent["last_status"], agent["last_message"]),
                         ("error", "node:summarize error: ValueError: nothing to summarize"))
        sums, messages = self.stored("graph-planner")
        self.assertEqual(sums[0], 5)
        self.assertEqual(messages[:3], ["node:research", "node:agent completed", "node:tools completed"])

    def test_autogen(self):
        self.start("autogen-analyst")
        turns = []

        def assistant_script(messages):  # the LLM behind the assistant, through the OpenAI SDK
            turns.append(1)
            if len(turns) <= 5:
                openai_call(fs.new_id("chatcmpl-"), "gpt-4o-2024-08-06", 700, 40, 200, [("query_db", '{"sql": "SELECT 1"}')])
                return fs.autogen_tool_call_message("query_db", '{"sql": "SELECT 1"}', "call_%d" % len(turns))
            openai_call(fs.new_id("chatcmpl-"), "gpt-4o-2024-08-06", 900, 120)
            return {"content": "Total: 1 row. TERMINATE", "role": "assistant"}

        def user_script(messages):  # the user proxy runs the tools and stops at TERMINATE
            if messages[-1].get("tool_calls"):
                return fs.autogen_tool_response("1", messages[-1]["tool_calls"][0]["id"])
            return None

        assistant = fs.FakeConversableAgent("assistant", assistant_script)
        user_proxy = fs.FakeConversableAgent("user_proxy", user_script)
        result = monitored_chat(user_proxy, assistant, message="How many rows are there?")
        self.assertEqual(result.summary, "Total: 1 row. TERMINATE")
        agent = self.server.agent("autogen-analyst")
        self.assertEqual(agent["tokens_today"], 5 * 740 + 1020)
        self.assertAlmostEqual(agent["cost_today_usd"], 5 * price(GPT_4O, 500, 40, 200) + price(GPT_4O, 900, 120), places=9)
        self.assert_loop("autogen-analyst", "query_db")
        self.assertEqual(agent["last_message"], "autogen: chat with assistant completed: Total: 1 row. TERMINATE")
        sums, messages = self.stored("autogen-analyst")
        self.assertEqual(sums[:2], (5, 5 * 200))
        self.assertEqual(messages[:4], ["autogen: chat user_proxy -> assistant started",
                                        "user_proxy -> assistant: How many rows are there?",
                                        "assistant -> user_proxy: asks for query_db",
                                        "user_proxy -> assistant: tool result: 1"])


if __name__ == "__main__":
    unittest.main()
