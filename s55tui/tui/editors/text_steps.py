"""The steps that are one or two long texts: key findings, and the overall comments.

s.55(5) asks for three things to be published: the commissioner's comments, the chief
constable's comments, and the commissioner's response to the chief's comments. Each has a
box here, with a line saying which part of the law it meets.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.widgets import Label, Static

from s55tui.model import Draft
from s55tui.tui.editors.base import TEXT, StepEditor, field_label
from s55tui.tui.widgets.response_area import ResponseArea


class TextStepEditor(StepEditor):
    """A titled step of one or more long Markdown texts in one section of the draft."""

    SECTION: ClassVar[str] = "response"
    TITLE: ClassVar[str] = ""
    HINT: ClassVar[str] = ""
    # attribute -> (label, required)
    BOXES: ClassVar[dict[str, tuple[str, bool]]] = {}

    def __init__(self, draft: Draft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.FIELDS = {name: TEXT for name in self.BOXES}  # type: ignore[misc]  # per editor

    def target(self) -> Any:
        return getattr(self.draft, self.SECTION)

    def compose(self) -> ComposeResult:
        yield Static(self.TITLE, classes="step-title")
        if self.HINT:
            yield Label(self.HINT, classes="hint")
        for name, (words, required) in self.BOXES.items():
            yield field_label(words, required=required)
            area = ResponseArea(id=f"f-{name}")
            area.add_class("-tall")
            yield area


class FindingsEditor(TextStepEditor):
    """The report's key findings, as the response will summarise them."""

    SECTION = "report"
    TITLE = "Key findings"
    HINT = "Summarise what the report found. Markdown: '- ' starts a bullet, **bold**."
    BOXES: ClassVar[dict[str, tuple[str, bool]]] = {"summary": ("Summary of the report's findings", True)}


class ChiefCommentsEditor(TextStepEditor):
    """The chief constable's overall comments, s.55(5)(b)."""

    TITLE = "Chief constable's comments"
    HINT = "s.55(5)(b): the chief constable's comments on the report, as a whole."
    BOXES: ClassVar[dict[str, tuple[str, bool]]] = {"cc_comments": ("Chief constable's comments", True)}


class CommissionerCommentsEditor(TextStepEditor):
    """The commissioner's comments, s.55(5)(a), and reply to the chief's, s.55(5)(c)."""

    TITLE = "Commissioner's comments and reply"
    HINT = "s.55(5)(a) the commissioner's own comments; s.55(5)(c) the response to the chief's comments."
    BOXES: ClassVar[dict[str, tuple[str, bool]]] = {
        "pcc_comments": ("Commissioner's comments", True),
        "pcc_reply": ("Commissioner's response to the chief constable's comments", False),
    }
