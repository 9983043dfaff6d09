# SPDX-License-Identifier: MIT
"""Stand-in for langchain_core.callbacks.manager.handle_event (tests only; see ../../README.md)."""
import logging

logger = logging.getLogger(__name__)


def handle_event(handlers, event_name, ignore_condition_name, *args, **kwargs):
    for handler in handlers:
        try:
            if ignore_condition_name is None or not getattr(handler, ignore_condition_name):
                getattr(handler, event_name)(*args, **kwargs)
        except NotImplementedError:
            if event_name == "on_chat_model_start":
                strings = [str(m) for m in args[1]]
                handle_event([handler], "on_llm_start", "ignore_llm", args[0], strings, *args[2:], **kwargs)
            else:
                logger.warning("NotImplementedError in %s.%s callback", handler.__class__.__name__, event_name)
        except Exception as e:
            logger.warning("Error in %s.%s callback: %r", handler.__class__.__name__, event_name, e)
            if handler.raise_error:
                raise
