# SPDX-License-Identifier: MIT
"""ClevAgent: heartbeats, cost tracking and loop protection for AI agents.

Two lines at the agent's start:

    import os, clevagent
    clevagent.init(api_key=os.environ["CLEVAGENT_API_KEY"], agent="my-agent")

Standard library only. Compatible with the ClevAgent SDK 0.4 API; see README.md for what it adds.
"""
import logging
import os
import threading

from . import _autocost, _lifecycle
from ._client import (ACTIONS, DEFAULT_ENDPOINT, AgentStopRequested, Client, Config, CostExceeded,
                      LoopDetected)

__version__ = "0.5.0"
__all__ = ["init", "ping", "log_cost", "log_tool_call", "log_prompt", "log_iteration", "shutdown",
           "AgentStopRequested", "LoopDetected", "CostExceeded", "__version__"]

log = logging.getLogger("clevagent")

_client = None
_init_lock = threading.Lock()


def _current():
    return _client


def init(api_key=None, agent=None, interval=60, endpoint=None, auto_cost=True, container_id=None,
         on_loop="alert_only", on_cost_exceeded="alert_only", agent_type=None, buffer_size=1000, timeout=10.0):
    """Starts monitoring this process as `agent`. Calling it again reconfigures (nothing is patched twice).

    api_key: a ClevAgent key (cv_…); default $CLEVAGENT_API_KEY.
    endpoint: default $CLEVAGENT_ENDPOINT, else the local ClevAgent app (http://127.0.0.1:9475).
    interval: seconds between liveness beats; the server expects this cadence.
    on_loop / on_cost_exceeded: "alert_only", "stop" (raise AgentStopRequested in the main thread),
        "force_stop" (exit the process at once) or a callable(warning, reason).
    buffer_size: beats kept while the server cannot be reached (oldest dropped beyond it).
    """
    global _client
    api_key = api_key or os.environ.get("CLEVAGENT_API_KEY")
    endpoint = endpoint or os.environ.get("CLEVAGENT_ENDPOINT") or DEFAULT_ENDPOINT
    if not agent or not str(agent).strip():
        raise ValueError("clevagent.init: 'agent' must name this agent (unique within your project)")
    if not api_key:
        raise ValueError("clevagent.init: no API key (pass api_key= or set CLEVAGENT_API_KEY)")
    for name, action in (("on_loop", on_loop), ("on_cost_exceeded", on_cost_exceeded)):
        if not callable(action) and action not in ACTIONS:
            raise ValueError("clevagent.init: %s must be one of %s or a callable" % (name, ", ".join(ACTIONS)))
    try:
        interval = float(interval)
    except (TypeError, ValueError):
        raise ValueError("clevagent.init: interval must be a number of seconds") from None
    if interval < 1:
        raise ValueError("clevagent.init: interval must be at least 1 second")

    config = Config(api_key, str(agent).strip(), interval, endpoint, container_id, on_loop, on_cost_exceeded,
                    agent_type, int(buffer_size), float(timeout))
    with _init_lock:
        if _client is None:
            _client = Client(config)
        else:
            old = _client.config
            _client.config = config
            if old.api_key != config.api_key:
                _client._unauthorized = False  # a new key gets a new chance
        _lifecycle.install(_current)
        if auto_cost:
            _autocost.enable(_record_usage)
        else:
            _autocost.disable()
        _client.start()
    return _client


def _record_usage(input_tokens=0, output_tokens=0, cache_read=0, cache_write=0, model=None, tool_calls=0):
    if _client is not None:
        _client.record_tokens(input_tokens, output_tokens, cache_read, cache_write, model, tool_calls)


def ping(status="ok", message=None, tokens_used=None, cost_usd=None, tool_calls=None, iteration_count=None,
         memory_mb=None, custom=None):
    """A work-progress beat from the agent's own loop, sent now with the usage recorded so far.

    Catches hung calls and deadlocks that the liveness thread cannot see. Returns
    {"ok": bool, "status": …, "warning": …, "error": …}; never raises.
    """
    if _client is None:
        return {"ok": False, "error": "clevagent.init() was not called"}
    try:
        if status not in ("ok", "warning", "error"):
            return {"ok": False, "error": "status must be ok, warning or error"}
        _client.record_cost(tokens=tokens_used, cost=cost_usd, tool_calls=tool_calls, iteration_count=iteration_count)
        extra = {"memory_mb": memory_mb}
        if custom is not None:
            import json
            extra["custom_data"] = custom if isinstance(custom, str) else json.dumps(custom, default=str)
        return _client.beat(status, message, extra)
    except Exception as e:  # never break the agent
        return {"ok": False, "error": str(e)}


def log_cost(tokens=None, cost_usd=None, model=None, *, cost=None, tool_calls=None, iteration_count=None):
    """Records usage for the next beat. Both the 0.4 form log_cost(tokens, cost_usd, model=None) and the
    documented log_cost(tokens=1500, cost=0.045, tool_calls=3, iteration_count=42) work.

    Returns {"ok": True, "tokens": …, "cost": …, "tool_calls": …, "iteration_count": …, "error": None},
    or ok False with the reason; never raises.
    """
    if cost is None:
        cost = cost_usd
    result = {"ok": False, "tokens": tokens, "cost": cost, "tool_calls": tool_calls,
              "iteration_count": iteration_count, "model": model, "error": None}
    try:
        for name, value, kind in (("tokens", tokens, int), ("cost", cost, float), ("tool_calls", tool_calls, int),
                                  ("iteration_count", iteration_count, int)):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
                    or (kind is int and int(value) != value):
                result["error"] = "%s must be a non-negative %s" % (name, "integer" if kind is int else "number")
                return result
        if _client is None:
            result["error"] = "clevagent.init() was not called"
            return result
        _client.record_cost(tokens=tokens, cost=cost, tool_calls=tool_calls, iteration_count=iteration_count,
                            model=model)
        result["ok"] = True
        return result
    except Exception as e:
        result["error"] = str(e)
        return result


def log_tool_call(name, args_summary=None):
    """Records a tool call (the last 20 go with the next beat; the server looks for repeats)."""
    if _client is not None and name:
        _client.record_tool_call(name, args_summary)


def log_prompt(text):
    """Records a prompt by its hash only (first 16 hex characters of SHA-256), for loop detection."""
    if _client is not None and text is not None:
        _client.record_prompt(text)


def log_iteration(count):
    """Records the agent's iteration counter (an absolute number, sent with every beat)."""
    if _client is not None:
        try:
            _client.record_iteration(count)
        except (TypeError, ValueError):
            log.warning("clevagent.log_iteration: count must be an integer")


def shutdown(message=None):
    """Says goodbye (a clean `shutdown` beat: the agent is stopped, not dead) and stops the heartbeat."""
    if _client is None:
        return None
    try:
        return _client.final_beat("shutdown", message or "shutdown() called")
    finally:
        _client.stop()
