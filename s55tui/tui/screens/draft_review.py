"""Review and export on the draft screen: the check, the preview, and writing the files.

The check, the rendering of the preview and the export all run on worker threads from a
snapshot of the draft, so a 100-item document never stalls the screen. An export that
fails (a template error, a read-only folder) says why in one line; the draft is untouched.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work

from s55tui.errors import S55Error
from s55tui.session import DraftSession
from s55tui.tui.background import droppable

if TYPE_CHECKING:  # the review step's modules load on its first visit: they are not needed to open
    from s55tui.tui.editors.review_editor import ReviewEditor


class ReviewMixin:
    """The review step's work, for the draft screen."""

    session: DraftSession

    def template_names(self) -> list[str]:
        """The templates an export can use: the office's, then the built-in ones."""
        from s55tui.render.catalogue import list_templates

        try:
            infos = list_templates(self.profile.templates)  # type: ignore[attr-defined]
        except S55Error as error:
            self.notify(str(error), title="Templates", severity="warning")  # type: ignore[attr-defined]
            infos = list_templates(None)
        return [info.name for info in infos if not info.shadowed]

    def _export_settings(self):
        from s55tui.render.export import ExportSettings

        profile = self.profile  # type: ignore[attr-defined]
        return ExportSettings(profile.templates, profile.letterhead)

    def refresh_review(self) -> None:
        """Run the check and lay out the preview again, off the app's thread."""
        self._review_work()

    @work(exclusive=True, group="review")
    async def _review_work(self) -> None:
        from s55tui.completeness import check
        from s55tui.tui.editors.review_editor import ReviewEditor
        from s55tui.tui.widgets.preview import DocumentPreview, layout_markdown

        review = self.query_one(ReviewEditor)  # type: ignore[attr-defined]
        snap = self.session.snapshot().draft
        today = self.today  # type: ignore[attr-defined]
        result = await droppable(check, snap, today, name="s55tui-check")
        review.show_check(result)
        preview = review.query_one(DocumentPreview)
        if not preview.size.width:  # the step has only just been shown: wait for its layout
            laid_out = asyncio.Event()
            preview.call_after_refresh(laid_out.set)
            await laid_out.wait()
        width = max(preview.size.width - 2, 40)
        settings = self._export_settings()

        def lay_out() -> list:
            from s55tui.render.environment import render_markdown

            markdown = render_markdown(snap, None, settings.templates)
            return layout_markdown(markdown, width)

        try:
            lines = await droppable(lay_out, name="s55tui-preview")
        except S55Error as error:
            preview.show_lines(layout_markdown(f"**The preview cannot be shown.** {error}", width), width)
            return
        preview.show_lines(lines, width)

    def on_review_editor_jump_to(self, event: ReviewEditor.JumpTo) -> None:
        event.stop()
        self.jump_to_field(event.field)  # type: ignore[attr-defined]

    def on_review_editor_export_requested(self, event: ReviewEditor.ExportRequested) -> None:
        event.stop()
        self.export_draft(event.formats)

    @work(exclusive=True, group="export")
    async def export_draft(self, formats: tuple[str, ...]) -> None:
        """Write the exports beside the draft and say where they went."""
        from s55tui.render.export import export

        await self.save(quiet=True)  # type: ignore[attr-defined]
        snap = self.session.snapshot().draft
        path = self.session.path
        self.notify("Exporting…", timeout=2)  # type: ignore[attr-defined]
        try:
            written = await droppable(
                export, snap, path, formats, None, None, self._export_settings(), name="s55tui-export"
            )
        except S55Error as error:
            self.notify(str(error), title="Export failed", severity="error", timeout=12)  # type: ignore[attr-defined]
            return
        names = "\n".join(str(p) for p in written)
        self.notify(f"Wrote:\n{names}", title="Exported", timeout=12)  # type: ignore[attr-defined]
