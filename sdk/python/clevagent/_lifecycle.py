# SPDX-License-Identifier: MIT
"""Process life: SIGTERM/SIGINT, unhandled exceptions (also in threads) and a normal exit."""
import atexit
import signal
import sys
import threading
import traceback

_installed = False
_client_ref = None  # a callable returning the current client, or None


def _client():
    return _client_ref() if _client_ref else None


def _short_traceback(exc_type, exc, tb, limit=12):
    lines = traceback.format_exception(exc_type, exc, tb)
    text = "".join(lines[-limit:])
    return text[-4000:]


def _crash(exc_type, exc, tb, where=""):
    """A crash beat. In the main thread the process is ending; in another thread it may go on."""
    client = _client()
    if client is None:
        return
    from ._client import AgentStopRequested
    if issubclass(exc_type, (AgentStopRequested, KeyboardInterrupt, SystemExit)):
        return  # a stop that was asked for, not a crash
    message = "CRASH: %s: %s" % (exc_type.__name__, exc)
    import json
    custom = json.dumps({"traceback": _short_traceback(exc_type, exc, tb), "thread": where or "main"})
    try:
        client.final_beat("error", message[:4000], extra={"custom_data": custom}, closing=not where)
    except Exception:
        pass


def _make_signal_handler(signum, previous):
    def handler(sig, frame):
        client = _client()
        if client is not None:
            try:
                name = signal.Signals(sig).name
                # Only the default action surely ends the process; SIGINT and the program's own handlers
                # may let it go on.
                ending = not callable(previous) and previous != signal.SIG_IGN and sig != signal.SIGINT
                client.final_beat("shutdown", "received %s" % name, closing=ending)
            except Exception:
                pass
        # Then behave as before: the previous handler, or the default action.
        if callable(previous):
            return previous(sig, frame)
        if previous == signal.SIG_IGN:
            return None
        if sig == signal.SIGINT:
            raise KeyboardInterrupt
        signal.signal(sig, signal.SIG_DFL)
        import os
        if os.getpid() == 1:
            # PID 1 (the main process of a container): the kernel ignores a signal's default action
            # there, so `docker stop` would wait and then SIGKILL. Exit as the signal would have.
            os._exit(128 + sig)
        os.kill(os.getpid(), sig)
        return None
    return handler


def install(client_ref):
    """Hooks the process once; later init() calls only swap the client."""
    global _installed, _client_ref
    _client_ref = client_ref
    if _installed:
        return
    _installed = True

    previous_hook = sys.excepthook

    def excepthook(exc_type, exc, tb):
        _crash(exc_type, exc, tb)
        previous_hook(exc_type, exc, tb)

    sys.excepthook = excepthook

    if hasattr(threading, "excepthook"):  # Python 3.8+
        previous_thread_hook = threading.excepthook

        def thread_excepthook(args):
            if args.exc_type is not None and args.thread is not None and args.thread.name == "clevagent-heartbeat":
                previous_thread_hook(args)
                return
            _crash(args.exc_type, args.exc_value, args.exc_traceback, where=getattr(args.thread, "name", "thread"))
            previous_thread_hook(args)

        threading.excepthook = thread_excepthook

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            try:
                previous = signal.getsignal(signum)
                signal.signal(signum, _make_signal_handler(signum, previous))
            except (ValueError, OSError):  # not allowed here (embedded interpreter): no hook, no harm
                pass

    atexit.register(_at_exit)


def _at_exit():
    client = _client()
    if client is None:
        return
    try:
        client.final_beat("shutdown", "the process exited")  # no-op after a crash or signal beat
    finally:
        client.stop()
