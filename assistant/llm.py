"""The ``openai`` answerer: llama-index's ``OpenAI`` LLM, or ``OpenAILike`` for any
OpenAI-compatible server (``OPENAI_BASE_URL``). Passages are numbered in the prompt, the answer
is verified sentence by sentence, and any model failure falls back to the extractive answer
with one line saying so."""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

from index import Config, ConfigError, count_tokens
from prompts import load as load_prompt

from .claims import render
from .question import QuestionShape
from .types import Answer, Passage
from .verify import verify

MAX_ANSWER_TOKENS = 384
LOCAL_CONTEXT_WINDOW = 4096  # what a small local server is started with; prompts are trimmed to fit


def _model_errors() -> tuple[type[BaseException], ...]:
    import httpx
    import openai

    # A malformed reply surfaces from inside the client library as whatever its parsing hits
    # (a str where a completion was expected -> AttributeError); these are only caught around
    # the model call itself, so our own bugs still raise.
    return (
        openai.OpenAIError, httpx.HTTPError, ConnectionError, TimeoutError, ValueError, KeyError,
        AttributeError, TypeError, IndexError,
    )


class LLMAnswerer:
    def __init__(self, config: Config):
        self.config = config
        self.name = config.model
        self.where = config.openai_base_url or "api.openai.com"
        if config.openai_base_url:
            from llama_index.llms.openai_like import OpenAILike

            self.context_window = LOCAL_CONTEXT_WINDOW
            self.llm = OpenAILike(
                model=config.model,
                api_base=config.openai_base_url,
                api_key=config.openai_api_key or "sk-local",
                is_chat_model=True,
                context_window=self.context_window,
                max_tokens=MAX_ANSWER_TOKENS,
                timeout=config.llm_timeout,
                max_retries=config.llm_retries,
                temperature=0.0,
            )
        else:
            if not config.openai_api_key:
                raise ConfigError(
                    "ROLECHAT_LLM=openai needs OPENAI_API_KEY, or OPENAI_BASE_URL pointing at an "
                    "OpenAI-compatible server; or use ROLECHAT_LLM=extractive (no key needed)"
                )
            from llama_index.llms.openai import OpenAI

            self.context_window = 120_000
            self.llm = OpenAI(
                model=config.model,
                api_key=config.openai_api_key,
                max_tokens=MAX_ANSWER_TOKENS,
                timeout=config.llm_timeout,
                max_retries=config.llm_retries,
                temperature=0.0,
            )

    # -- prompts ----------------------------------------------------------------------------
    def _messages(self, question: str, passages: list[Passage]):
        from llama_index.core.llms import ChatMessage

        system = load_prompt("system")
        template = load_prompt("answer")
        budget = self.context_window - MAX_ANSWER_TOKENS - count_tokens(system + template + question) - 64
        blocks: list[str] = []
        for n, p in enumerate(passages, start=1):
            block = (
                f'<passage number="{n}" role="{_attr(p.title)}" company="{_attr(p.company)}" '
                f'section="{_attr(p.section)}">\n{_data(p.text)}\n</passage>'
            )
            cost = count_tokens(block)
            if cost > budget:
                break
            budget -= cost
            blocks.append(block)
        prompt = template.format(passages="\n".join(blocks), question=_data(question))
        return [ChatMessage(role="system", content=system), ChatMessage(role="user", content=prompt)], len(blocks)

    def condense(self, question: str, history: list) -> str | None:
        """A stand-alone version of a follow-up; ``None`` if the model is unavailable."""
        from llama_index.core.llms import ChatMessage

        lines = []
        for turn in history[-3:]:
            lines.append(f"User: {_data(turn.question)}")
            lines.append(f"Assistant: {_data(turn.answer.text[:400])}")
        prompt = load_prompt("condense").format(history="\n".join(lines), question=_data(question))
        try:
            reply = self.llm.chat([ChatMessage(role="user", content=prompt)], max_tokens=64)
        except _model_errors():
            return None
        text = (reply.message.content or "").strip().splitlines()
        rewritten = text[0].strip().strip('"') if text else ""
        return rewritten if 3 <= len(rewritten) <= 400 else None

    # -- answering --------------------------------------------------------------------------
    def answer(self, query: str, shape: QuestionShape, passages: list[Passage], focus, asked: str,
               fallback: Callable[[str], Answer]) -> Answer:
        shown = passages_shown(passages, self.config.top_k, focus if shape.is_comparison else ())
        messages, used = self._messages(query, shown)
        try:
            reply = self.llm.chat(messages)
            text = reply.message.content or ""
        except _model_errors() as exc:
            return fallback(self._unavailable(exc))
        return self._finish(text, shown[:used], query, asked, passages, fallback)

    def stream(self, query: str, shape: QuestionShape, passages: list[Passage], focus, asked: str,
               fallback: Callable[[str], Answer]) -> Iterator[str | Answer]:
        shown = passages_shown(passages, self.config.top_k, focus if shape.is_comparison else ())
        messages, used = self._messages(query, shown)
        pieces: list[str] = []
        try:
            for chunk in self.llm.stream_chat(messages):
                delta = chunk.delta or ""
                if delta:
                    pieces.append(delta)
                    yield delta
        except _model_errors() as exc:
            yield from _fallen_back(fallback(self._unavailable(exc)), bool(pieces))
            return
        if not pieces:  # a malformed stream can end without an error and without a word
            yield from _fallen_back(fallback(self._unavailable("empty reply")), False)
            return
        answer = self._finish("".join(pieces), shown[:used], query, asked, passages, fallback)
        if answer.answerer != self.name:  # nothing the model said held up: say so in the stream too
            yield from _fallen_back(answer, True)
            return
        yield answer

    def _finish(self, text: str, shown: list[Passage], query: str, asked: str, passages: list[Passage],
                fallback: Callable[[str], Answer]) -> Answer:
        checked = verify(text, shown)
        if not any(c.passage is not None for c in checked.claims) and not checked.abstained:
            return fallback("the model's answer was not supported by the postings; showing the extractive answer")
        notice = ""
        if checked.dropped:
            n = len(checked.dropped)
            notice = f"{n} sentence{'s' if n > 1 else ''} of the model's answer had no support in the postings and {'were' if n > 1 else 'was'} removed"
        body, citations = render(checked.claims)
        return Answer(
            text=body, citations=citations, abstained=checked.abstained, question=asked,
            standalone_question=query, passages=passages, answerer=self.name, notice=notice,
        )

    def _unavailable(self, exc: BaseException | str) -> str:
        reason = exc if isinstance(exc, str) else type(exc).__name__
        status = getattr(exc, "status_code", None)
        if status:
            reason = f"HTTP {status}"
        return f"the model {self.name} at {self.where} was unavailable ({reason}); showing the extractive answer"


def passages_shown(passages: list[Passage], k: int, compared: Sequence[str] = ()) -> list[Passage]:
    """The ``k`` passages the model reads, best first. For a comparison, each role compared gives
    its best passages in turn (in that order, so a prompt cut short by its token budget loses the
    deepest): the role whose title the question spells out wins the ranking, and a model shown
    only its passages cannot say what the other posting says."""
    if len(compared) < 2:
        return passages[:k]
    queues = [[i for i, p in enumerate(passages) if p.posting_id == pid] for pid in compared]
    picked: list[int] = []
    for depth in range(k):
        picked += [queue[depth] for queue in queues if depth < len(queue)]
    picked = picked[:k]
    picked += [i for i in range(len(passages)) if i not in picked][: k - len(picked)]
    return [passages[i] for i in picked]


def _fallen_back(answer: Answer, after_text: bool) -> Iterator[str | Answer]:
    """Stream the fallback: the one-line notice, then the extractive answer, then the Answer."""
    yield ("\n\n" if after_text else "") + f"({answer.notice})\n\n" + answer.text
    yield answer


def _attr(value: str) -> str:
    return (value or "").replace('"', "'").replace("<", "(").replace(">", ")")


def _data(text: str) -> str:
    """Text from a posting or a user, unable to close or open our passage tags."""
    return text.replace("</passage", "(/passage").replace("<passage", "(passage")
