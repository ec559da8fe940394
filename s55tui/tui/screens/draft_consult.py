"""The draft screen's consultation of the chief constable: the request written, the reply read.

The same work as ``s55tui consult``, from the app: the request goes beside the draft as a
Word file and the draft records the day it was sent and the reply-by date; the reply is read
in ``ReplyDialog``, where the officer sees and chooses what it fills before anything changes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from s55tui.errors import S55Error

if TYPE_CHECKING:
    from s55tui.tui.screens.draft_screen import DraftScreen


class Consulting:
    """Writes the request and reads the reply for one draft screen."""

    def __init__(self, screen: DraftScreen) -> None:
        self.screen = screen

    def _today(self) -> date:
        return self.screen.today or date.today()

    async def write_request(self) -> None:
        """Write the request beside the draft and record it as sent (asking first if it was)."""
        from s55tui.cli.consult_cmd import request_path
        from s55tui.consult.request import build_request, consulted_items
        from s55tui.consultation import default_reply_by, reply_by, reply_by_passed
        from s55tui.deadline import long_date
        from s55tui.draftfile.atomic import write_bytes_atomic
        from s55tui.tui.dialogs.confirm import ConfirmDialog

        screen = self.screen
        if screen.session.read_only:
            screen.notify("The draft is read-only.", severity="warning")
            return
        screen.flush_editor()
        draft = screen.draft
        consultation = draft.consultation
        today = self._today()
        resend = True
        if consultation.invited is not None and consultation.invited != today:
            question = (
                f"The request was sent on {long_date(consultation.invited)}. Write it again and record "
                "it as sent today? (Leave it keeps the first date and writes nothing.)"
            )
            resend = await screen.app.push_screen_wait(ConfirmDialog(question, "Send again", "Leave it"))
            if not resend:
                return
        target = request_path(screen.path)
        if consultation.reply_by is None and draft.report.published is not None:
            consultation.reply_by = default_reply_by(draft.report.published)
        try:
            request = build_request(draft, reply_by(draft), screen.profile.letterhead)
            write_bytes_atomic(target, request)
        except (S55Error, OSError) as error:
            screen.notify(str(error), title="The request was not written", severity="error")
            return
        consultation.invited = today
        office = draft.office
        chief = " ".join(part for part in (office.cc_title or "Chief Constable", office.cc_name) if part)
        consultation.sent_to = consultation.sent_to or chief
        screen.changes.record(consultation)
        due = reply_by(draft)
        by = f" Comments due back by {long_date(due, weekday=True)}." if due else ""
        screen.notify(
            f"Wrote {target.name}: {len(consulted_items(draft))} items for the chief constable.{by}",
            title="Request written",
            timeout=12,
        )
        passed = reply_by_passed(draft, today)
        if passed:
            screen.notify(
                passed[0].upper() + passed[1:], title="Reply-by date", severity="warning", timeout=15
            )

    async def read_reply(self) -> None:
        """Show what the reply fills; fill what the officer agrees to."""
        from s55tui.cli.consult_cmd import request_path
        from s55tui.consult.fill import apply
        from s55tui.tui.dialogs.reply_dialog import ReplyDialog

        screen = self.screen
        if screen.session.read_only:
            screen.notify("The draft is read-only.", severity="warning")
            return
        screen.flush_editor()
        chosen = await screen.app.push_screen_wait(ReplyDialog(screen.draft, request_path(screen.path)))
        if chosen is None:
            return
        done = apply(screen.draft, chosen, self._today())
        screen.changes.structure_changed(screen.step)
        kept = [a.label for a in chosen.answers if a.action == "differs" and not a.replace]
        words = f"Filled {len(done)} answer{'s' if len(done) != 1 else ''}."
        if kept:
            words += f" Kept the draft's own answer for {', '.join(kept)}."
        screen.notify(words, title="Reply read", timeout=12)
