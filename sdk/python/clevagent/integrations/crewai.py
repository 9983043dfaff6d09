# SPDX-License-Identifier: MIT
"""ClevAgent step callback for CrewAI.

    from clevagent.integrations.crewai import clevagent_step_callback

    crew = Crew(agents=[...], tasks=[...], step_callback=clevagent_step_callback)

Each step the agents take is a ping whose message summarises it (at most 300 characters), and a tool
step is also log_tool_call(tool, tool input), the input of the tool-call loop rule. CrewAI passes:

- AgentAction (thought, tool, tool_input, text, result): a tool step, with the tool's output in result;
- AgentFinish (thought, output, text): the agent's final answer;
- ToolResult (result, result_as_answer): a tool's output, which some versions pass on its own besides
  the AgentAction (that one carries the tool's name, so the call is logged from it, once);
- before CrewAI 0.60 (built on LangChain): a list of (AgentAction(tool, tool_input, log), observation)
  pairs, and LangChain's AgentFinish(return_values, log).

Tokens: calls CrewAI makes through the openai / anthropic SDKs are captured by auto_cost; the steps
carry no usage.
"""
import logging

import clevagent
from . import _common
from ._common import get

log = logging.getLogger("clevagent")


def clevagent_step_callback(step_output):
    """CrewAI step callback: pass it as Crew(step_callback=…) or Agent(step_callback=…). Never raises."""
    try:
        _step(step_output)
    except Exception:
        log.debug("clevagent: CrewAI step callback failed", exc_info=True)


def _step(step):
    if step is None:
        return
    if isinstance(step, (list, tuple)):
        for item in step:
            if isinstance(item, (list, tuple)) and len(item) == 2 and get(item[0], "tool") is not None:
                _action(item[0], item[1])  # (AgentAction, observation)
            else:
                _step(item)
        return
    if get(step, "tool") is not None:
        _action(step, get(step, "result"))
    elif get(step, "result_as_answer") is not None and hasattr(step, "result"):
        clevagent.ping(message=_common.summary("tool result: %s" % _common.summary(get(step, "result"))))
    elif get(step, "output") is not None or get(step, "return_values") is not None:
        output = get(step, "output")
        if output is None:
            values = get(step, "return_values") or {}
            output = get(values, "output", values)
        clevagent.ping(message=_common.summary("final answer: %s" % _common.summary(output)))
    else:
        clevagent.ping(message=_common.summary("step: %s" % _common.summary(step)))


def _action(action, result):
    tool = str(get(action, "tool") or "tool")
    tool_input = get(action, "tool_input")
    _common.log_tool(tool, tool_input)
    text = "tool %s(%s)" % (tool, _common.summary(tool_input, 80))
    if result is not None:
        text += " -> %s" % _common.summary(result)
    clevagent.ping(message=_common.summary(text))


__all__ = ["clevagent_step_callback"]
