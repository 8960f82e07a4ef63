"""rolechat's online side: retrieve passages, answer with verified citations, converse."""

from index import IngestReport, PostingFields, RolechatError

from .api import AnswerStream, Assistant, Chat, QuestionError
from .types import Answer, Citation, Passage

__all__ = [
    "Answer",
    "AnswerStream",
    "Assistant",
    "Chat",
    "Citation",
    "IngestReport",
    "Passage",
    "PostingFields",
    "QuestionError",
    "RolechatError",
]
