# SPDX-License-Identifier: MIT
"""Stand-in for langchain_core.callbacks.BaseCallbackHandler (tests only; see ../../README.md)."""


class BaseCallbackHandler:
    raise_error = False
    run_inline = False

    @property
    def ignore_llm(self):
        return False

    @property
    def ignore_retry(self):
        return False

    @property
    def ignore_chain(self):
        return False

    @property
    def ignore_agent(self):
        return False

    @property
    def ignore_retriever(self):
        return False

    @property
    def ignore_chat_model(self):
        return False

    @property
    def ignore_custom_event(self):
        return False

    def on_chat_model_start(self, serialized, messages, *, run_id, parent_run_id=None, tags=None, metadata=None,
                            **kwargs):
        raise NotImplementedError(f"{self.__class__.__name__} does not implement `on_chat_model_start`")

    def on_llm_start(self, serialized, prompts, *, run_id, parent_run_id=None, tags=None, metadata=None, **kwargs):
        pass

    def on_llm_new_token(self, token, *, chunk=None, run_id, parent_run_id=None, **kwargs):
        pass

    def on_llm_end(self, response, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_llm_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_chain_start(self, serialized, inputs, *, run_id, parent_run_id=None, tags=None, metadata=None, **kwargs):
        pass

    def on_chain_end(self, outputs, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_chain_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_tool_start(self, serialized, input_str, *, run_id, parent_run_id=None, tags=None, metadata=None,
                      inputs=None, **kwargs):
        pass

    def on_tool_end(self, output, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_tool_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_agent_action(self, action, *, run_id, parent_run_id=None, **kwargs):
        pass

    def on_text(self, text, *, run_id, parent_run_id=None, **kwargs):
        pass


__all__ = ["BaseCallbackHandler"]
