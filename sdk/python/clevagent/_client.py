# SPDX-License-Identifier: MIT
"""The heartbeat client: pending usage, the liveness thread, delivery with buffering and back-off."""
import collections
import contextlib
import itertools
import ctypes
import hashlib
import logging
import os
import random
import threading
import time

from . import _transport

log = logging.getLogger("clevagent")

DEFAULT_ENDPOINT = "http://127.0.0.1:9475"
MAX_TOOL_LOG = 20
MAX_ARGS = 200
PROMPT_WINDOW = 5
BATCH_LIMIT = 1000
OVERTAKEN_WINDOW = 10.0  # s: a regular beat stored this soon after a last word was one already under way
ACTIONS = ("alert_only", "stop", "force_stop")


class AgentStopRequested(BaseException):
    """Raised in the main thread when ClevAgent asks the agent to stop (on_loop / on_cost_exceeded = "stop").

    A BaseException, like KeyboardInterrupt, so that `except Exception` in the agent's loop does not
    swallow it; `finally` blocks still run.
    """

    def __init__(self, warning, reason):
        super().__init__("%s: %s" % (warning, reason))
        self.warning = warning
        self.reason = reason


class Config:
    def __init__(self, api_key, agent, interval, endpoint, container_id, on_loop, on_cost_exceeded, agent_type,
                 buffer_size, timeout):
        self.api_key = api_key
        self.agent = agent
        self.interval = float(interval)
        self.endpoint = endpoint.rstrip("/")
        self.container_id = container_id
        self.on_loop = on_loop
        self.on_cost_exceeded = on_cost_exceeded
        self.agent_type = agent_type
        self.buffer_size = buffer_size
        self.timeout = timeout


class Usage:
    """Per-beat deltas, taken (and reset) when a beat is built."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.input_tokens = 0
        self.output_tokens = 0
        self.cache_read_tokens = 0
        self.cache_write_tokens = 0
        self.tokens_used = 0      # tokens reported without a split
        self.cost_usd = None
        self.tool_calls = 0
        self.tool_call_log = []
        self.model = None

    def add_tokens(self, input_tokens=0, output_tokens=0, cache_read=0, cache_write=0, model=None):
        self.input_tokens += max(0, int(input_tokens or 0))
        self.output_tokens += max(0, int(output_tokens or 0))
        self.cache_read_tokens += max(0, int(cache_read or 0))
        self.cache_write_tokens += max(0, int(cache_write or 0))
        if model:
            self.model = model

    def fields(self):
        out = {}
        buckets = self.input_tokens + self.output_tokens + self.cache_read_tokens + self.cache_write_tokens
        for name in ("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "tool_calls"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.tokens_used or buckets:
            out["tokens_used"] = self.tokens_used + buckets
        if self.cost_usd is not None:
            out["cost_usd"] = round(self.cost_usd, 10)
        if self.tool_call_log:
            out["tool_call_log"] = list(self.tool_call_log)
        if self.model:
            out["model"] = self.model
        return out


class Client:
    def __init__(self, config):
        self.config = config
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)
        self._sending = {}         # ticket -> thread id, for each beat being built or on the wire
        self._tickets = itertools.count()
        self._closed = False       # the process is ending: the last word was said, nothing follows it
        self._last_word = None     # (monotonic time, status, message, extra) of the final beat sent
        self._overtaken = False    # a regular beat was stored after a final beat that did not close
        self._word_stored = False  # the last word's delivery was answered (beats answered later came after it)
        self._wake = threading.Event()
        self._usage = Usage()
        self._prompts = collections.deque(maxlen=PROMPT_WINDOW)
        self._iteration = None
        self._buffer = collections.deque()
        self._in_flight = 0        # buffered beats taken out to be sent, not answered yet
        self.dropped = 0
        self._unauthorized = False
        self._failures = 0
        self._next_attempt = 0.0   # monotonic time before which nothing is sent (back-off, Retry-After)
        self._stopping = False
        self._final_sent = False   # shutdown or crash beat sent
        self._stop_requested = False
        self._last_warning = None
        self._thread = None
        self.last_response = None

    # ---- usage, from the public API and from auto_cost ----------------------------------------
    def record_tokens(self, input_tokens=0, output_tokens=0, cache_read=0, cache_write=0, model=None, tool_calls=0):
        with self._lock:
            self._usage.add_tokens(input_tokens, output_tokens, cache_read, cache_write, model)
            self._usage.tool_calls += max(0, int(tool_calls or 0))

    def record_cost(self, tokens=None, cost=None, tool_calls=None, iteration_count=None, model=None):
        with self._lock:
            if tokens:
                self._usage.tokens_used += int(tokens)
            if cost is not None:
                self._usage.cost_usd = (self._usage.cost_usd or 0.0) + float(cost)
            if tool_calls:
                self._usage.tool_calls += int(tool_calls)
            if iteration_count is not None:
                self._iteration = int(iteration_count)
            if model:
                self._usage.model = model

    def record_tool_call(self, name, args_summary=None, count=True):
        """Logs a tool call for loop detection; `count`: False when it was counted already (auto_cost counted
        the tool calls of the response that asked for it)."""
        entry = {"name": str(name)[:200]}
        if args_summary is not None:
            entry["args"] = str(args_summary)[:MAX_ARGS]
        with self._lock:
            self._usage.tool_call_log.append(entry)
            del self._usage.tool_call_log[:-MAX_TOOL_LOG]
            if count:
                self._usage.tool_calls += 1

    def record_prompt(self, text):
        digest = hashlib.sha256(str(text).encode("utf-8", "replace")).hexdigest()[:16]
        with self._lock:
            self._prompts.append(digest)

    def record_iteration(self, count):
        with self._lock:
            self._iteration = int(count)

    # ---- beats ---------------------------------------------------------------------------------
    def _build(self, status="ok", message=None, extra=None):
        with self._lock:
            beat = {"agent": self.config.agent, "status": status, "interval": self.config.interval,
                    "timestamp": round(time.time(), 3)}
            beat.update(self._usage.fields())
            self._usage.reset()
            if self._prompts:
                beat["prompt_hashes"] = list(self._prompts)
            if self._iteration is not None:
                beat["iteration_count"] = self._iteration
        if message:
            beat["message"] = str(message)[:4000]
        if self.config.agent_type:
            beat["agent_type"] = self.config.agent_type
        if self.config.container_id:
            beat["container_id"] = self.config.container_id
        for key, value in (extra or {}).items():
            if value is not None:
                beat[key] = value
        return beat

    def beat(self, status="ok", message=None, extra=None, wait=True):
        """Builds a beat from the pending usage and sends it (or buffers it). Returns the result dict."""
        if not wait:
            beat = self._build(status, message, extra)
            with self._lock:
                self._enqueue(beat)
            self._wake.set()
            return {"ok": True, "queued": True}
        with self._sending_scope():
            return self._deliver(self._build(status, message, extra))

    def _enqueue(self, beat):
        if self.config.buffer_size <= 0:
            self.dropped += 1
            return
        while len(self._buffer) >= self.config.buffer_size:
            self._buffer.popleft()
            self.dropped += 1
            if self.dropped in (1, 10, 100) or self.dropped % 1000 == 0:
                log.warning("clevagent: the beat buffer is full; %d oldest beats dropped so far", self.dropped)
        self._buffer.append(beat)

    def _deliver(self, beat, final=False):
        with self._lock:
            if self._closed and not final:
                return {"ok": False, "error": "the process is ending: the last beat was sent"}
            if self._unauthorized:
                self.dropped += 1
                return {"ok": False, "error": "the API key was refused (401); beats are not sent"}
            waiting = bool(self._buffer) or time.monotonic() < self._next_attempt
            if waiting:
                # Keep the order: anything buffered goes first, in a batch.
                self._enqueue(beat)
        if waiting:
            self._wake.set()
            return {"ok": False, "queued": True, "error": "not delivered yet: kept for the next attempt"}
        result = self._handle(self._post("/api/v1/heartbeat", beat), [beat])
        if result["ok"] and not final and self._word_stored:
            self._overtaken = True
        return result

    def _post(self, path, payload):
        with self._sending_scope():
            return _transport.post_json(self.config.endpoint + path, self.config.api_key, payload, self.config.timeout)

    @contextlib.contextmanager
    def _sending_scope(self):
        """Registers a beat from building it until its answer, so a final beat can let it arrive first."""
        with self._idle:
            ticket = next(self._tickets)
            self._sending[ticket] = threading.get_ident()
        try:
            yield
        finally:
            with self._idle:
                self._sending.pop(ticket, None)
                self._idle.notify_all()

    def _wait_for_other_senders(self, timeout):
        """Lets the beats other threads have under way now arrive first, so the last word is stored last.
        Beats started later do not hold it up."""
        me = threading.get_ident()
        with self._idle:
            earlier = {ticket for ticket, thread in self._sending.items() if thread != me}
            self._idle.wait_for(lambda: not earlier.intersection(self._sending), timeout)

    def _handle(self, response, beats):
        self.last_response = response
        status = response.status
        if 200 <= status < 300:
            with self._lock:
                self._failures = 0
                self._next_attempt = 0.0
            body = response.body
            answers = body.get("results", []) if isinstance(body, dict) and "results" in body else [body]
            for answer in answers:
                if isinstance(answer, dict) and answer.get("warning"):
                    self._on_warning(answer["warning"], answer.get("reason", ""))
            return {"ok": True, "status": body.get("status") if isinstance(body, dict) else None,
                    "warning": body.get("warning") if isinstance(body, dict) else None}
        if status == 401:
            with self._lock:
                first = not self._unauthorized
                self._unauthorized = True
                self.dropped += len(beats) + len(self._buffer)
                self._buffer.clear()
            if first:
                log.error("clevagent: the server refused the API key (%s). Heartbeats stop until init() is called "
                          "with a valid key.", response.error)
            return {"ok": False, "error": response.error}
        if status in (400, 403, 413, 422):
            # The server will never take these beats: report and drop them, do not retry.
            log.error("clevagent: the server refused a heartbeat: %s", response.error)
            return {"ok": False, "error": response.error}
        # 429, 5xx or unreachable: keep the beats and try again later.
        with self._lock:
            self._failures += 1
            backoff = min(60.0, 0.5 * (2 ** min(self._failures, 8))) * random.uniform(0.5, 1.5)
            delay = max(backoff, response.retry_after or 0.0)
            self._next_attempt = time.monotonic() + delay
            for beat in reversed(beats):
                self._buffer.appendleft(beat)
            while len(self._buffer) > self.config.buffer_size:
                self._buffer.popleft()
                self.dropped += 1
        if self._failures == 1:
            log.warning("clevagent: heartbeat not delivered (%s); keeping it and retrying in %.1f s",
                        response.error or "HTTP %d" % status, delay)
        return {"ok": False, "queued": True, "error": response.error or "HTTP %d" % status}

    def flush_buffer(self, final=False):
        """Sends what is buffered, oldest first, in batches. Returns False when delivery must wait."""
        while True:
            with self._lock:
                if self._closed and not final:
                    return False  # the final beat sends what is left, before itself
                if not self._buffer or self._unauthorized or time.monotonic() < self._next_attempt:
                    return not self._buffer
                batch = [self._buffer.popleft() for _ in range(min(BATCH_LIMIT, len(self._buffer)))]
                self._in_flight += len(batch)
            try:
                if len(batch) == 1:
                    response = self._post("/api/v1/heartbeat", batch[0])
                else:
                    response = self._post("/api/v1/heartbeat/batch", {"heartbeats": batch})
                result = self._handle(response, batch)
            finally:
                with self._lock:
                    self._in_flight -= len(batch)
            if result["ok"] and not final and self._word_stored:
                self._overtaken = True
            if not result["ok"] and result.get("queued"):
                return False

    def pending(self):
        """Beats not delivered yet: buffered, or on their way and not answered (0: the server has them all)."""
        with self._lock:
            return len(self._buffer) + self._in_flight

    # ---- warnings from the server ----------------------------------------------------------------
    def _on_warning(self, warning, reason):
        action = self.config.on_loop if warning == "loop_detected" else self.config.on_cost_exceeded
        if warning != self._last_warning:
            log.warning("clevagent: %s: %s", warning, reason)
            self._last_warning = warning
        if callable(action):
            try:
                action(warning, reason)
            except Exception:  # a user callback must never take the heartbeat down
                log.exception("clevagent: the %s callback raised", warning)
            return
        if action == "stop":
            self._request_stop(warning, reason, force=False)
        elif action == "force_stop":
            self._request_stop(warning, reason, force=True)

    def _request_stop(self, warning, reason, force):
        with self._lock:
            if self._stop_requested:
                return
            self._stop_requested = True
        message = "stopped by ClevAgent (%s): %s" % (warning, reason)
        self.final_beat("shutdown", message, closing=force)  # an exception may be caught, and the agent go on
        if force:
            log.error("clevagent: %s; exiting now", message)
            os._exit(3)
        main = threading.main_thread()
        log.error("clevagent: %s; raising AgentStopRequested in the main thread", message)
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(main.ident),
                                                   ctypes.py_object(_stop_exception(warning, reason)))

    # ---- lifecycle ---------------------------------------------------------------------------------
    def start(self):
        with self._lock:
            if self._thread and self._thread.is_alive():
                self._wake.set()  # a new configuration: beat now
                return
            self._stopping = False
            self._closed = self._final_sent = self._overtaken = self._word_stored = False  # init() after shutdown(): monitored again
            self._last_word = None
            self._thread = threading.Thread(target=self._run, name="clevagent-heartbeat", daemon=True)
            self._thread.start()

    def _run(self):
        next_beat = time.monotonic()  # beat at once, then every interval
        while not self._stopping and not self._closed:
            now = time.monotonic()
            try:
                if now >= next_beat:
                    next_beat = now + self.config.interval
                    # Sent straight away (not through the buffer), so a ping() from the agent at the same
                    # moment is not held behind it.
                    self.beat("ok")
                self.flush_buffer()
            except Exception:  # never let the heartbeat thread die
                log.exception("clevagent: heartbeat thread error")
            with self._lock:
                retry_at = self._next_attempt if self._buffer else next_beat
            self._wake.wait(timeout=max(0.05, min(next_beat, max(retry_at, now)) - time.monotonic()))
            self._wake.clear()

    def final_beat(self, status, message=None, extra=None, timeout=None, closing=True):
        """The last word (shutdown or crash): sent at once with a short timeout, after what is buffered.
        `closing`: the process is surely ending, so no regular beat may follow (one that the heartbeat thread
        was about to send would otherwise be stored after it). False where the program may go on (a thread
        crashed, SIGINT may be caught): then later beats still show it alive."""
        with self._lock:
            if self._unauthorized:
                return None
            repeat = self._final_sent and closing
            if repeat:
                self._closed = True  # nothing new starts; what is under way is waited for just below
        if repeat:
            self._wait_for_other_senders(min(self.config.timeout, 5.0))
        with self._lock:
            if self._final_sent:
                # Said already. When the process ends after a last word that left it open (SIGINT, a thread's
                # crash) and a regular beat was stored after it: said again if it was recent (that beat was
                # one already under way), else it is stale (the program went on) and this one is said.
                if not (closing and self._overtaken and self._last_word):
                    return None
                said_at, last_status, last_message, last_extra = self._last_word
                if time.monotonic() - said_at < OVERTAKEN_WINDOW:
                    status, message, extra = last_status, last_message, last_extra
            self._final_sent = True
            self._overtaken = False
            self._word_stored = False  # a beat answered before this word was stored before it
            self._last_word = (time.monotonic(), status, message, extra)
            self._closed = self._closed or closing
            self._next_attempt = 0.0
        beat = self._build(status, message, extra)
        saved = self.config.timeout
        self.config.timeout = timeout or min(saved, 5.0)  # the process is stopping: bounded, but patient with a busy server
        try:
            # A regular beat the heartbeat thread has on the wire right now would otherwise be stored after
            # this one and hide it (a crash right after init() races the first beat).
            self._wait_for_other_senders(self.config.timeout)
            self.flush_buffer(final=True)
            result = self._deliver(beat, final=True)
            if result.get("ok"):
                with self._lock:
                    self._word_stored = True
            return result
        finally:
            self.config.timeout = saved

    def stop(self):
        self._stopping = True
        self._wake.set()
        thread = self._thread
        if thread and thread.is_alive() and thread is not threading.current_thread():
            thread.join(timeout=5)


class LoopDetected(AgentStopRequested):
    """The server saw a loop and the agent's on_loop action is "stop"."""


class CostExceeded(AgentStopRequested):
    """The agent passed its budget and its on_cost_exceeded action is "stop"."""


def _stop_exception(warning, reason):
    cls = LoopDetected if warning == "loop_detected" else CostExceeded
    # PyThreadState_SetAsyncExc takes a class: bind the details to a subclass made for this stop.
    return type(cls.__name__, (cls,), {"__init__": lambda self: cls.__init__(self, warning, reason)})
