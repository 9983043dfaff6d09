# SPDX-License-Identifier: MIT
"""auto_cost against stand-ins of the openai and anthropic packages.

Those packages cannot be installed here (no PyPI), so tests/stubs holds stand-in modules with the same
class paths and the response / stream shapes their public types document (see stubs/README.md).
"""
import asyncio
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "stubs"))
sys.path.insert(0, os.path.dirname(HERE))

from _shapes import Obj, Queue  # noqa: E402

from clevagent import _autocost  # noqa: E402


def chat_completion(prompt, completion, cached=0, tool_calls=0, model="gpt-4o-2024-08-06"):
    calls = [Obj(id="call_%d" % i, type="function", function=Obj(name="search", arguments="{}")) for i in range(tool_calls)]
    return Obj(id="chatcmpl-1", object="chat.completion", model=model,
               choices=[Obj(index=0, finish_reason="tool_calls" if tool_calls else "stop",
                            message=Obj(role="assistant", content=None if tool_calls else "hi", tool_calls=calls or None))],
               usage=Obj(prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion,
                         prompt_tokens_details=Obj(cached_tokens=cached, audio_tokens=0)))


class AutoCostTest(unittest.TestCase):
    def setUp(self):
        self.records = []
        _autocost.enable(lambda **kw: self.records.append(kw))
        Queue.responses = []
        from openai.resources.chat.completions import Completions, AsyncCompletions
        from openai.resources.responses import Responses, AsyncResponses
        from anthropic.resources.messages import Messages, AsyncMessages
        self.classes = (Completions, AsyncCompletions, Responses, AsyncResponses, Messages, AsyncMessages)

    def total(self):
        out = {"input_tokens": 0, "output_tokens": 0, "cache_read": 0, "cache_write": 0, "tool_calls": 0}
        for r in self.records:
            for k in out:
                out[k] += r.get(k, 0) or 0
        return out

    def test_everything_is_patched_once(self):
        before = [c.create for c in self.classes]
        _autocost.enable(lambda **kw: None)
        _autocost.enable(lambda **kw: self.records.append(kw))  # init() twice: no double patching
        self.assertEqual(before, [c.create for c in self.classes])
        for c in self.classes:
            self.assertTrue(getattr(c.create, "__clevagent_patched__", False), c)
        from openai.resources.chat.completions import Completions
        Queue.responses = [chat_completion(100, 20)]
        Completions().create(model="gpt-4o", messages=[])
        self.assertEqual(len(self.records), 1)  # recorded once, not twice

    def test_openai_chat_cached_tokens_move_out_of_the_prompt(self):
        from openai.resources.chat.completions import Completions
        Queue.responses = [chat_completion(1000, 200, cached=600, tool_calls=2)]
        result = Completions().create(model="gpt-4o", messages=[])
        self.assertEqual(result.usage.prompt_tokens, 1000)  # the caller gets the SDK's object untouched
        self.assertEqual(self.total(), {"input_tokens": 400, "output_tokens": 200, "cache_read": 600, "cache_write": 0,
                                        "tool_calls": 2})
        self.assertEqual(self.records[0]["model"], "gpt-4o-2024-08-06")

    def test_openai_chat_async(self):
        from openai.resources.chat.completions import AsyncCompletions
        Queue.responses = [chat_completion(50, 5)]
        asyncio.run(AsyncCompletions().create(model="gpt-4o", messages=[]))
        self.assertEqual(self.total()["input_tokens"], 50)

    def test_openai_chat_stream_uses_the_usage_chunk(self):
        from openai.resources.chat.completions import Completions
        chunks = [Obj(model="gpt-4o-mini", usage=None,
                      choices=[Obj(index=0, delta=Obj(content=None, tool_calls=[Obj(index=0, id="call_1", function=Obj(name="a", arguments=""))]))]),
                  Obj(model="gpt-4o-mini", usage=None,
                      choices=[Obj(index=0, delta=Obj(content=None, tool_calls=[Obj(index=0, id=None, function=Obj(name=None, arguments="{}"))]))]),
                  Obj(model="gpt-4o-mini", usage=None,
                      choices=[Obj(index=0, delta=Obj(content=None, tool_calls=[Obj(index=1, id="call_2", function=Obj(name="b", arguments="{}"))]))]),
                  # With stream_options={"include_usage": True} the last chunk has no choices and the usage.
                  Obj(model="gpt-4o-mini", choices=[], usage=Obj(prompt_tokens=300, completion_tokens=40,
                                                                 prompt_tokens_details=Obj(cached_tokens=100)))]
        Queue.responses = [chunks]
        with Completions().create(model="gpt-4o-mini", messages=[], stream=True) as stream:
            received = list(stream)
        self.assertEqual(len(received), 4)
        self.assertEqual(len(self.records), 1)  # once, at the end of the stream
        self.assertEqual(self.total(), {"input_tokens": 200, "output_tokens": 40, "cache_read": 100, "cache_write": 0,
                                        "tool_calls": 2})

    def test_openai_chat_stream_without_usage_counts_tool_calls_only(self):
        from openai.resources.chat.completions import Completions
        Queue.responses = [[Obj(model="m", usage=None, choices=[Obj(index=0, delta=Obj(tool_calls=[Obj(index=0, id="c")]))])]]
        list(Completions().create(model="m", messages=[], stream=True))
        self.assertEqual(self.total()["tool_calls"], 1)
        self.assertEqual(self.total()["input_tokens"], 0)

    def test_openai_responses_sync_and_stream(self):
        from openai.resources.responses import Responses, AsyncResponses
        response = Obj(id="resp_1", model="gpt-4.1", output=[Obj(type="message"), Obj(type="function_call", name="search"),
                                                             Obj(type="web_search_call")],
                       usage=Obj(input_tokens=800, output_tokens=100, total_tokens=900,
                                 input_tokens_details=Obj(cached_tokens=300), output_tokens_details=Obj(reasoning_tokens=0)))
        Queue.responses = [response]
        Responses().create(model="gpt-4.1", input="hi")
        self.assertEqual(self.total(), {"input_tokens": 500, "output_tokens": 100, "cache_read": 300, "cache_write": 0,
                                        "tool_calls": 2})
        self.records.clear()
        Queue.responses = [[Obj(type="response.created", response=Obj(usage=None)),
                            Obj(type="response.output_text.delta", delta="hel"),
                            Obj(type="response.completed", response=response)]]
        list(Responses().create(model="gpt-4.1", input="hi", stream=True))
        self.assertEqual(self.total()["input_tokens"], 500)
        self.records.clear()

        async def consume():
            stream = await AsyncResponses().create(model="gpt-4.1", input="hi", stream=True)
            return [e async for e in stream]
        Queue.responses = [[Obj(type="response.completed", response=response)]]
        self.assertEqual(len(asyncio.run(consume())), 1)
        self.assertEqual(self.total()["output_tokens"], 100)

    def test_anthropic_cache_buckets_are_beside_input(self):
        from anthropic.resources.messages import Messages, AsyncMessages
        message = Obj(id="msg_1", type="message", role="assistant", model="claude-sonnet-4-5",
                      content=[Obj(type="text", text="..."), Obj(type="tool_use", id="toolu_1", name="search", input={}),
                               Obj(type="tool_use", id="toolu_2", name="fetch", input={})],
                      usage=Obj(input_tokens=50, output_tokens=300, cache_creation_input_tokens=1000,
                                cache_read_input_tokens=4000))
        Queue.responses = [message]
        Messages().create(model="claude-sonnet-4-5", max_tokens=100, messages=[])
        self.assertEqual(self.total(), {"input_tokens": 50, "output_tokens": 300, "cache_read": 4000, "cache_write": 1000,
                                        "tool_calls": 2})
        Queue.responses = [message]
        asyncio.run(AsyncMessages().create(model="claude-sonnet-4-5", max_tokens=100, messages=[]))
        self.assertEqual(self.total()["input_tokens"], 100)

    def test_anthropic_stream_takes_the_cumulative_usage_once(self):
        from anthropic.resources.messages import Messages, AsyncMessages
        events = [Obj(type="message_start", message=Obj(model="claude-haiku-4-5", content=[],
                                                        usage=Obj(input_tokens=25, output_tokens=1,
                                                                  cache_creation_input_tokens=0, cache_read_input_tokens=2000))),
                  Obj(type="content_block_start", index=0, content_block=Obj(type="text", text="")),
                  Obj(type="content_block_delta", index=0, delta=Obj(type="text_delta", text="Hi")),
                  Obj(type="content_block_start", index=1, content_block=Obj(type="tool_use", id="toolu_1", name="x", input={})),
                  Obj(type="message_delta", delta=Obj(stop_reason=None), usage=Obj(output_tokens=40)),
                  Obj(type="message_delta", delta=Obj(stop_reason="tool_use"), usage=Obj(output_tokens=90)),
                  Obj(type="message_stop")]
        Queue.responses = [events]
        stream = Messages().create(model="claude-haiku-4-5", max_tokens=100, messages=[], stream=True)
        for _ in stream:
            pass
        # 90, the last cumulative figure; not 1 + 40 + 90.
        self.assertEqual(self.total(), {"input_tokens": 25, "output_tokens": 90, "cache_read": 2000, "cache_write": 0,
                                        "tool_calls": 1})
        self.records.clear()

        async def consume():
            s = await AsyncMessages().create(model="claude-haiku-4-5", max_tokens=100, messages=[], stream=True)
            async with s:
                return [e async for e in s]
        Queue.responses = [events]
        self.assertEqual(len(asyncio.run(consume())), len(events))
        self.assertEqual(len(self.records), 1)
        self.assertEqual(self.total()["output_tokens"], 90)

    def test_a_failing_call_records_nothing_and_raises_as_before(self):
        from openai.resources.chat.completions import Completions
        Queue.responses = []  # the stand-in raises IndexError, like any SDK error
        with self.assertRaises(IndexError):
            Completions().create(model="gpt-4o", messages=[])
        self.assertEqual(self.records, [])

    def test_disable_stops_recording(self):
        from openai.resources.chat.completions import Completions
        _autocost.disable()
        Queue.responses = [chat_completion(10, 1)]
        Completions().create(model="gpt-4o", messages=[])
        self.assertEqual(self.records, [])


if __name__ == "__main__":
    unittest.main()
