"""Bring a report's own recommendations, causes of concern and areas for improvement into a draft.

Officers otherwise retype dozens of items that must be quoted exactly. The importer reads
pasted text, .txt, .md, .docx, .pdf, a saved web page and a web address (``sources``,
``webpage``), cleans what PDF extraction breaks (``pdfclean``), recognises the items in the
forms real reports and responses print (``recognise``, ``patterns``, ``voices``, ``due``)
and merges them into a draft by kind and number, filling only what the draft has empty
(``merge``). Nothing here imports textual or writes a file.
"""

from s55tui.importer.found import Found, ImportResult, Note
from s55tui.importer.recognise import recognise

__all__ = ["Found", "ImportResult", "Note", "recognise"]
