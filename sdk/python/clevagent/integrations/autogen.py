# SPDX-License-Identifier: MIT
"""ClevAgent for Microsoft AutoGen.

AutoGen 0.2 (pyautogen / ag2: ConversableAgent, AssistantAgent, UserProxyAgent):

    from clevagent.integrations.autogen import clevagent_reply_func, monitored_chat

    assistant.register_reply([Agent], clevagent_reply_func)       # observe what this agent receives
    result = monitored_chat(user_proxy, assistant, message="…")   # or: both agents, for one chat

A reply function runs each time its agent is about to answer a message; this one only observes
(it returns (False, None), so the agent answers as before). Each message is a ping whose message
names the sender and summarises it; a message asking for tools (`tool_calls`, or the older
`function_call`) is also log_tool_call(name, arguments) per tool, the input of the loop rule.

AutoGen 0.4 (autogen-agentchat) has no reply functions: its agents and teams stream messages and
events from run_stream(). Wrap the stream:

    from clevagent.integrations.autogen import monitored_stream
    await Console(monitored_stream(team.run_stream(task="…")))

or call clevagent_event(event) on each item yourself. ToolCallRequestEvent gives log_tool_call per
call; messages, tool results and the final TaskResult are pings; streaming chunks are skipped.

Tokens, in both versions: AutoGen calls models through the openai / anthropic SDKs (0.2's
OpenAIWrapper, 0.4's autogen-ext clients), which auto_cost captures with the split and the model.
The messages carry no response id (0.4's models_usage has no id and no cache split), so counting
their usage here could count a call twice: they are not counted. With another model client, or
auto_cost=False, report usage with clevagent.log_cost().
"""
import asyncio
import logging

import clevagent
from . import _common
from ._common import get

log = logging.getLogger("clevagent")


# ---- AutoGen 0.2 -----------------------------------------------------------------------------------

def clevagent_reply_func(recipient, messages=None, sender=None, config=None):
    """AutoGen 0.2 reply function: register with agent.register_reply([Agent], clevagent_reply_func).
    Observes the message the agent received and returns (False, None): the agent replies as usual."""
    try:
        if messages:
            _observe(messages[-1], sender, recipient)
    except Exception:
        log.debug("clevagent: AutoGen reply function failed", exc_info=True)
    return False, None


def _name(agent, fallback="agent"):
    return str(get(agent, "name") or fallback)


def _observe(message, sender, recipient):
    if not isinstance(message, dict):
        message = {"content": message}
    who = _name(sender, message.get("name") or "agent")
    to = _name(recipient)
    requested = []
    for call in message.get("tool_calls") or []:
        function = get(call, "function") or {}
        requested.append((get(function, "name"), get(function, "arguments")))
    if message.get("function_call"):
        requested.append((get(message["function_call"], "name"), get(message["function_call"], "arguments")))
    for name, arguments in requested:
        _common.log_tool(name or "tool", arguments)
    if requested:
        text = "%s -> %s: asks for %s" % (who, to, ", ".join(str(n or "tool") for n, _ in requested))
    elif message.get("tool_responses") or message.get("role") in ("tool", "function"):
        text = "%s -> %s: tool result: %s" % (who, to, _common.summary(message.get("content")))
    else:
        text = "%s -> %s: %s" % (who, to, _common.summary(message.get("content")))
    clevagent.ping(message=_common.summary(text))


def _any_agent(sender):
    return sender is not None


def _register(agent):
    registered = any(get(entry, "reply_func") is clevagent_reply_func for entry in getattr(agent, "_reply_func_list", []))
    if not registered:
        # A callable trigger matches any sender, like [Agent], without importing autogen.
        agent.register_reply([_any_agent], clevagent_reply_func)


def monitored_chat(initiator, recipient, message=None, **kwargs):
    """initiator.initiate_chat(recipient, message=message, **kwargs), with clevagent_reply_func registered on
    both agents (once), so both sides of the conversation are seen, and a ping when the chat starts and
    ends. An exception is an error beat, and goes on."""
    _register(recipient)
    _register(initiator)
    clevagent.ping(message=_common.summary("autogen: chat %s -> %s started" % (_name(initiator), _name(recipient))))
    try:
        result = initiator.initiate_chat(recipient, message=message, **kwargs)
    except Exception as e:
        _common.report_error("autogen: chat with %s failed" % _name(recipient), e)
        raise
    done = "autogen: chat with %s completed" % _name(recipient)
    outcome = get(result, "summary")
    if outcome:
        done += ": %s" % _common.summary(outcome)
    clevagent.ping(message=_common.summary(done))
    return result


# ---- AutoGen 0.4 -----------------------------------------------------------------------------------

_SKIPPED = ("ModelClientStreamingChunkEvent",)


def _kind(event):
    kind = get(event, "type")
    return kind if isinstance(kind, str) else type(event).__name__


def clevagent_event(event):
    """AutoGen 0.4: reports one item of run_stream() (a message, an event or the final TaskResult).
    Never raises."""
    try:
        _event(event)
    except Exception:
        log.debug("clevagent: AutoGen event failed", exc_info=True)


def _event(event):
    kind = _kind(event)
    if kind in _SKIPPED:
        return
    inner = get(event, "chat_message")  # a Response from on_messages_stream()
    if inner is not None:
        return _event(inner)
    source = get(event, "source") or "agent"
    content = get(event, "content")
    if get(event, "stop_reason") is not None or kind == "TaskResult":
        clevagent.ping(message=_common.summary("autogen: task done: %s" % get(event, "stop_reason")))
    elif kind == "ToolCallRequestEvent":
        calls = content or []
        for call in calls:
            _common.log_tool(get(call, "name") or "tool", get(call, "arguments"))
        clevagent.ping(message=_common.summary("%s: asks for %s" % (source, ", ".join(str(get(c, "name")) for c in calls))))
    elif kind == "ToolCallExecutionEvent":
        results = content or []
        failed = [r for r in results if get(r, "is_error")]
        text = "%s: %d tool result(s)" % (source, len(results))
        if failed:
            text += ", %d failed: %s" % (len(failed), _common.summary(get(failed[0], "content"), 200))
        clevagent.ping(status="warning" if failed else "ok", message=_common.summary(text))
    else:
        clevagent.ping(message=_common.summary("%s: %s" % (source, _common.summary(content))))


async def monitored_stream(stream):
    """AutoGen 0.4: passes run_stream()'s items through unchanged, reporting each (off the event loop)."""
    loop = asyncio.get_running_loop()
    async for event in stream:
        await loop.run_in_executor(None, clevagent_event, event)
        yield event


__all__ = ["clevagent_reply_func", "monitored_chat", "clevagent_event", "monitored_stream"]
