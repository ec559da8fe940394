"""The formats an export writes, by name: apart from the renderer so the command line's parser
can offer them without importing it (Jinja2, python-docx and the rest cost a command that
never exports, such as ``check``, a tenth of a second)."""

FORMATS = ("md", "docx", "html", "pdf")
EVERY = ("md", "docx", "html")  # "all": and the PDF where LibreOffice is installed
