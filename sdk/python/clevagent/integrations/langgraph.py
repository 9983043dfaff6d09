# SPDX-License-Identifier: MIT
"""ClevAgent node callbacks for LangGraph.

    from clevagent.integrations.langgraph import clevagent_node_callback, monitored_node

    def research(state):
        result = llm.invoke(state["messages"])
        clevagent_node_callback(node_name="research", tokens=result.usage_metadata["total_tokens"])
        return {"messages": [result]}

    @monitored_node("write")
    def write(state):
        ...

Each node run is one iteration: the SDK's iteration_count counts the node runs seen in this process,
and each run is a ping ("node:research completed"). A node that raises sends an `error` beat with
the exception's type and message, and the exception goes on; LangGraph's interrupts are not errors.

`tokens`: a bare total (no input/output split, so the server cannot price it). When auto_cost or the
LangChain callback handler counted the same call already, it is not counted again: a total equal to
one such call, or to several of the last ones added up, within two minutes, is taken for them
(clevagent/_ledger.py). For tokens and cost, prefer auto_cost or ClevAgentCallbackHandler, which
report the split and the model.
"""
import asyncio
import functools
import inspect
import logging

import clevagent
from . import _common

log = logging.getLogger("clevagent")

SOURCE = "langgraph"


def clevagent_node_callback(node_name, status="ok", tokens=None, message=None):
    """Call at the end of a LangGraph node: one iteration, and a ping. Never raises."""
    try:
        if tokens is not None:
            if isinstance(tokens, bool) or not isinstance(tokens, int) or tokens < 0:
                log.warning("clevagent_node_callback: tokens must be a non-negative integer")
            elif tokens:
                _common.count_call(SOURCE, total=tokens)
        if status not in ("ok", "warning", "error"):
            status = "ok"
        iteration = _common.next_iteration()
        return clevagent.ping(status=status, message=_common.summary(message or "node:%s" % node_name),
                              iteration_count=iteration)
    except Exception as e:
        log.debug("clevagent: node callback failed", exc_info=True)
        return {"ok": False, "error": str(e)}


def _quiet(error):
    # Stops the SDK reports itself (or that end the process), and cancellation: no beat from the node.
    return error is not None and (isinstance(error, (clevagent.AgentStopRequested, KeyboardInterrupt, SystemExit,
                                                     GeneratorExit)) or type(error).__name__ == "CancelledError")


def _finished(node_name, error):
    if _quiet(error):
        return
    if error is None:
        clevagent_node_callback(node_name, message="node:%s completed" % node_name)
    elif _common.is_control_flow(error):
        clevagent_node_callback(node_name, message="node:%s interrupted (%s)" % (node_name, type(error).__name__))
    else:
        clevagent_node_callback(node_name, status="error",
                                message=_common.error_text("node:%s error" % node_name, error))


def monitored_node(node_name):
    """Decorator for a LangGraph node function, sync or async: `@monitored_node("research")`, or bare
    `@monitored_node` (the function's name). LangGraph still sees the function's own signature (config,
    store… are passed as before)."""
    if callable(node_name):
        return monitored_node(getattr(node_name, "__name__", "node"))(node_name)

    def decorator(func):
        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def async_wrapper(*args, **kwargs):
                loop = asyncio.get_running_loop()
                try:
                    result = await func(*args, **kwargs)
                except BaseException as e:
                    if not _quiet(e):  # the ping is an HTTP request: off the event loop
                        await loop.run_in_executor(None, _finished, node_name, e)
                    raise
                await loop.run_in_executor(None, _finished, node_name, None)
                return result
            return async_wrapper

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            try:
                result = func(*args, **kwargs)
            except BaseException as e:
                _finished(node_name, e)
                raise
            _finished(node_name, None)
            return result
        return wrapper
    return decorator


__all__ = ["clevagent_node_callback", "monitored_node"]
