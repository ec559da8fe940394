"""From a draft to the published documents: model -> template -> Markdown -> DOCX / HTML.

- ``catalogue``: which templates exist (built in, or the office's folder) and where.
- ``context`` and ``mdtext``: what a template sees, and the escaping that makes it safe.
- ``environment``: the sandboxed Jinja2 environment; ``render_markdown(draft, template)``.
- ``docx_writer``, ``docx_lists``, ``docx_document``: Markdown tokens into Word.
- ``html_writer``: Markdown into one standalone web page.
- ``export``: render once, write each format atomically.

Nothing here imports textual; jinja2, python-docx and markdown-it are imported only when a
document is actually rendered, so importing the package is free.
"""
