# SPDX-License-Identifier: MIT
"""Objects shaped like what LangChain, LangGraph, CrewAI and AutoGen pass to their callbacks.

Those packages cannot be installed here (no PyPI on this machine), so the tests build their callback
arguments from the frameworks' documented types, field by field:

- langchain_core.outputs: LLMResult(generations: list[list[Generation]], llm_output: dict | None),
  ChatGeneration(message, generation_info), Generation(text, generation_info);
  langchain_core.messages: AIMessage(content, id, response_metadata, usage_metadata, tool_calls), with
  UsageMetadata = {input_tokens (cached tokens included), output_tokens, total_tokens,
  input_token_details: {cache_read, cache_creation[, ephemeral_5m_input_tokens, ephemeral_1h_input_tokens]},
  output_token_details: {reasoning}}. BaseChatModel copies llm_output into the message's
  response_metadata when there is one generation, and names a message with no provider id
  "run-<run id>-0" ("lc_run--…" in langchain-core 0.3.x).
- langchain_openai.ChatOpenAI._create_chat_result: llm_output = {token_usage: the raw usage,
  model_name, system_fingerprint, id}; streaming returns no llm_output, the usage comes with the last
  chunk's usage_metadata (stream_usage=True).
- langchain_anthropic.ChatAnthropic._format_output: llm_output = the Message without its content
  ({id, model, model_name, stop_reason, stop_sequence, usage}); usage_metadata from
  _create_usage_metadata (input_tokens + cache_read + cache_creation as input_tokens).
- crewai.agents.parser: AgentAction(thought, tool, tool_input, text; result set after the tool ran),
  AgentFinish(thought, output, text); crewai.agents.crew_agent_executor.ToolResult(result,
  result_as_answer). CrewAI < 0.60: LangChain's AgentAction(tool, tool_input, log) and
  AgentFinish(return_values, log).
- AutoGen 0.2: messages are OpenAI-style dicts (content, role, name, tool_calls / function_call,
  tool_responses); ConversableAgent.register_reply / generate_reply / initiate_chat (FakeConversableAgent
  below does what those do for the adapter). AutoGen 0.4 (autogen_agentchat.messages): TextMessage,
  ToolCallRequestEvent(content=[FunctionCall(id, arguments, name)]), ToolCallExecutionEvent(
  content=[FunctionExecutionResult(content, name, call_id, is_error)]), each with source, type and
  models_usage; autogen_agentchat.base.TaskResult(messages, stop_reason).
"""
import collections
import dataclasses
import uuid
from typing import Any, Callable


class Obj:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.__dict__)


# ---- LangChain -----------------------------------------------------------------------------------

class AIMessage(Obj):
    def __init__(self, content="", id=None, response_metadata=None, usage_metadata=None, tool_calls=None):
        super().__init__(content=content, id=id, response_metadata=response_metadata or {},
                         usage_metadata=usage_metadata, tool_calls=tool_calls or [], type="ai")


class ChatGeneration(Obj):
    def __init__(self, message, generation_info=None):
        super().__init__(message=message, generation_info=generation_info, text=message.content or "")


class Generation(Obj):
    def __init__(self, text, generation_info=None):
        super().__init__(text=text, generation_info=generation_info)


class LLMResult(Obj):
    def __init__(self, generations, llm_output=None):
        super().__init__(generations=generations, llm_output=llm_output, run=None)


def new_id(prefix):
    """A provider's response id: chatcmpl-…, msg_…, resp_… followed by 24 hex digits."""
    return prefix + uuid.uuid4().hex[:24]


def lc_run_id():
    return "run-%s-0" % uuid.uuid4()


def _chat_result(message, llm_output, generation_info):
    # BaseChatModel._generate_with_cache: llm_output merged into the one generation's response_metadata
    if llm_output is not None:
        message.response_metadata = dict(llm_output, **message.response_metadata)
    if message.id is None:
        message.id = lc_run_id()
    return LLMResult(generations=[[ChatGeneration(message, generation_info)]], llm_output=llm_output)


def openai_usage_dict(prompt, completion, cached=0):
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0}}


def openai_usage_metadata(prompt, completion, cached=0):
    return {"input_tokens": prompt, "output_tokens": completion, "total_tokens": prompt + completion,
            "input_token_details": {"audio": 0, "cache_read": cached},
            "output_token_details": {"audio": 0, "reasoning": 0}}


def langchain_openai_result(response_id, model, prompt, completion, cached=0, tool_calls=()):
    """What ChatOpenAI.invoke() reports in on_llm_end for one chat completion."""
    llm_output = {"token_usage": openai_usage_dict(prompt, completion, cached), "model_name": model,
                  "system_fingerprint": "fp_1", "id": response_id}
    message = AIMessage(content="" if tool_calls else "done",
                        usage_metadata=openai_usage_metadata(prompt, completion, cached),
                        tool_calls=[{"name": n, "args": a, "id": "call_%d" % i, "type": "tool_call"}
                                    for i, (n, a) in enumerate(tool_calls)],
                        response_metadata={"finish_reason": "tool_calls" if tool_calls else "stop", "model_name": model})
    return _chat_result(message, llm_output, {"finish_reason": "stop", "logprobs": None})


def langchain_openai_stream_result(model, prompt, completion, cached=0):
    """ChatOpenAI(streaming=True, stream_usage=True): no llm_output; the merged chunks' usage_metadata, and
    LangChain's own run id on the message."""
    message = AIMessage(content="done", usage_metadata=openai_usage_metadata(prompt, completion, cached),
                        response_metadata={"finish_reason": "stop", "model_name": model})
    return _chat_result(message, None, {"finish_reason": "stop"})


def anthropic_usage_metadata(input_tokens, output_tokens, cache_read=0, cache_write=0, ttl_split=False):
    details = {"cache_read": cache_read, "cache_creation": cache_write}
    if ttl_split:  # langchain-anthropic 0.3.x with Usage.cache_creation: the 5 m / 1 h split replaces the total
        details.update(cache_creation=0, ephemeral_5m_input_tokens=cache_write, ephemeral_1h_input_tokens=0)
    total_in = input_tokens + cache_read + cache_write
    return {"input_tokens": total_in, "output_tokens": output_tokens, "total_tokens": total_in + output_tokens,
            "input_token_details": details}


def langchain_anthropic_result(message_id, model, input_tokens, output_tokens, cache_read=0, cache_write=0,
                               ttl_split=False):
    """What ChatAnthropic.invoke() reports in on_llm_end for one Messages API call."""
    llm_output = {"id": message_id, "model": model, "model_name": model, "stop_reason": "end_turn",
                  "stop_sequence": None, "type": "message",
                  "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens,
                            "cache_creation_input_tokens": cache_write, "cache_read_input_tokens": cache_read}}
    message = AIMessage(content="done", usage_metadata=anthropic_usage_metadata(input_tokens, output_tokens, cache_read,
                                                                                cache_write, ttl_split))
    return _chat_result(message, llm_output, None)


def langchain_completion_llm_result(prompt, completion, model="gpt-3.5-turbo-instruct"):
    """A completion LLM (BaseLLM, e.g. langchain_openai.OpenAI): plain Generations, usage in llm_output only."""
    return LLMResult(generations=[[Generation("done", {"finish_reason": "stop", "logprobs": None})]],
                     llm_output={"token_usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                                                 "total_tokens": prompt + completion}, "model_name": model})


# ---- OpenAI / Anthropic SDK responses, as auto_cost sees them (see stubs/README.md) -----------------

def openai_chat_completion(response_id, model, prompt, completion, cached=0, tool_calls=()):
    calls = [Obj(id="call_%d" % i, type="function", function=Obj(name=n, arguments=a))
             for i, (n, a) in enumerate(tool_calls)]
    return Obj(id=response_id, object="chat.completion", model=model,
               choices=[Obj(index=0, finish_reason="tool_calls" if calls else "stop",
                            message=Obj(role="assistant", content=None if calls else "done", tool_calls=calls or None))],
               usage=Obj(prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion,
                         prompt_tokens_details=Obj(cached_tokens=cached)))


def openai_chat_chunks(response_id, model, prompt, completion, cached=0):
    return [Obj(id=response_id, model=model, usage=None, choices=[Obj(index=0, delta=Obj(content="do", tool_calls=None))]),
            Obj(id=response_id, model=model, usage=None, choices=[Obj(index=0, delta=Obj(content="ne", tool_calls=None))]),
            Obj(id=response_id, model=model, choices=[],
                usage=Obj(prompt_tokens=prompt, completion_tokens=completion, prompt_tokens_details=Obj(cached_tokens=cached)))]


def anthropic_message(message_id, model, input_tokens, output_tokens, cache_read=0, cache_write=0):
    return Obj(id=message_id, type="message", role="assistant", model=model, content=[Obj(type="text", text="done")],
               usage=Obj(input_tokens=input_tokens, output_tokens=output_tokens, cache_read_input_tokens=cache_read,
                         cache_creation_input_tokens=cache_write))


# ---- CrewAI ----------------------------------------------------------------------------------------

class CrewAgentAction:  # crewai.agents.parser.AgentAction: `result` is declared, set only after the tool ran
    thought: str
    tool: str
    tool_input: str
    text: str
    result: str

    def __init__(self, thought, tool, tool_input, text):
        self.thought = thought
        self.tool = tool
        self.tool_input = tool_input
        self.text = text


class CrewAgentFinish:  # crewai.agents.parser.AgentFinish
    def __init__(self, thought, output, text):
        self.thought = thought
        self.output = output
        self.text = text


@dataclasses.dataclass
class CrewToolResult:  # crewai.agents.crew_agent_executor.ToolResult
    result: Any
    result_as_answer: bool


class LangChainAgentAction(Obj):  # langchain_core.agents.AgentAction (CrewAI < 0.60)
    def __init__(self, tool, tool_input, log):
        super().__init__(tool=tool, tool_input=tool_input, log=log, type="AgentAction")


class LangChainAgentFinish(Obj):  # langchain_core.agents.AgentFinish
    def __init__(self, return_values, log):
        super().__init__(return_values=return_values, log=log, type="AgentFinish")


def crew_tool_step(tool, tool_input, result, thought="I should use a tool"):
    """What CrewAgentExecutor passes to step_callback after running a tool."""
    text = "Thought: %s\nAction: %s\nAction Input: %s" % (thought, tool, tool_input)
    action = CrewAgentAction(thought, tool, tool_input, text)
    action.text += "\nObservation: %s" % result
    action.result = result
    return action


# ---- AutoGen 0.2 -------------------------------------------------------------------------------------

class FakeConversableAgent:
    """What autogen.ConversableAgent (0.2) does with reply functions: register_reply inserts at `position`
    (0: first) into _reply_func_list; generate_reply calls each function whose trigger matches the sender,
    in order, until one returns (True, reply); receive() stores the message and asks for a reply;
    initiate_chat starts with `message` and returns a ChatResult (summary, chat_history)."""

    def __init__(self, name, script):
        self.name = name
        self.script = script  # callable(messages) -> the reply dict, or None to stop
        self._reply_func_list = []
        self.chat_messages = collections.defaultdict(list)
        self.register_reply([FakeConversableAgent, None], FakeConversableAgent._scripted_reply)

    def register_reply(self, trigger, reply_func, position=0, config=None, reset_config=None, *,
                       ignore_async_in_sync_chat=False, remove_other_reply_funcs=False):
        if not isinstance(trigger, (type, str, FakeConversableAgent, Callable, list)):
            raise ValueError("trigger must be a class, a string, an agent, a callable or a list.")
        self._reply_func_list.insert(position, {"trigger": trigger, "reply_func": reply_func, "config": config,
                                                "init_config": config, "reset_config": reset_config})

    def _match_trigger(self, trigger, sender):
        if trigger is None:
            return sender is None
        if isinstance(trigger, str):
            return trigger == sender.name
        if isinstance(trigger, type):
            return isinstance(sender, trigger)
        if isinstance(trigger, FakeConversableAgent):
            return trigger == sender
        if callable(trigger):
            result = trigger(sender)
            assert isinstance(result, bool), "trigger %s must return a boolean value." % trigger
            return result
        if isinstance(trigger, list):
            return any(self._match_trigger(t, sender) for t in trigger)
        raise ValueError("Unsupported trigger type: %s" % type(trigger))

    def _scripted_reply(self, messages=None, sender=None, config=None):
        reply = self.script(messages)
        return (True, reply) if reply is not None else (False, None)

    def generate_reply(self, messages=None, sender=None):
        for entry in self._reply_func_list:
            if self._match_trigger(entry["trigger"], sender):
                final, reply = entry["reply_func"](self, messages=messages, sender=sender, config=entry["config"])
                if final:
                    return reply
        return None

    def send(self, message, recipient, request_reply=True):
        recipient.receive(message, self, request_reply)

    def receive(self, message, sender, request_reply=True):
        message = dict(message) if isinstance(message, dict) else {"content": message, "role": "user"}
        message.setdefault("name", sender.name)
        self.chat_messages[sender].append(message)
        if request_reply is False:
            return
        reply = self.generate_reply(messages=self.chat_messages[sender], sender=sender)
        if reply is not None:
            self.send(reply, sender, request_reply)

    def initiate_chat(self, recipient, clear_history=True, silent=False, cache=None, max_turns=None,
                      summary_method="last_msg", summary_args=None, message=None, **kwargs):
        self.send(message, recipient)
        history = self.chat_messages[recipient]
        last = next((m.get("content") for m in reversed(history) if m.get("content")), "")
        return Obj(chat_id=None, chat_history=list(history), summary=last, cost={}, human_input=[])


def autogen_tool_call_message(name, arguments, call_id="call_1"):
    return {"content": None, "role": "assistant",
            "tool_calls": [{"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}]}


def autogen_tool_response(content, call_id="call_1"):
    return {"content": content, "role": "tool",
            "tool_responses": [{"tool_call_id": call_id, "role": "tool", "content": content}]}


# ---- AutoGen 0.4 --------------------------------------------------------------------------------------

class AgentChatMessage(Obj):
    def __init__(self, type, source, content, models_usage=None):
        super().__init__(type=type, source=source, content=content, models_usage=models_usage, metadata={})


def agentchat_text(source, content, prompt_tokens=0, completion_tokens=0):
    usage = Obj(prompt_tokens=prompt_tokens, completion_tokens=completion_tokens) if prompt_tokens else None
    return AgentChatMessage("TextMessage", source, content, usage)


def agentchat_tool_request(source, calls):
    return AgentChatMessage("ToolCallRequestEvent", source,
                            [Obj(id="call_%d" % i, name=n, arguments=a) for i, (n, a) in enumerate(calls)],
                            Obj(prompt_tokens=100, completion_tokens=20))


def agentchat_tool_execution(source, results):
    return AgentChatMessage("ToolCallExecutionEvent", source,
                            [Obj(call_id="call_%d" % i, name=n, content=c, is_error=e)
                             for i, (n, c, e) in enumerate(results)])


def agentchat_chunk(source, text):
    return AgentChatMessage("ModelClientStreamingChunkEvent", source, text)


@dataclasses.dataclass
class TaskResult:  # autogen_agentchat.base.TaskResult
    messages: list
    stop_reason: str = None
