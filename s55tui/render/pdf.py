"""The PDF most offices publish: the Word file, converted by LibreOffice where it is installed.

LibreOffice makes a tagged PDF that declares PDF/UA, with the Word file's title shown as the
window title and its language (en-GB), so a screen reader reads it as it reads the .docx. It
runs with a profile of its own in a temporary folder, so an officer's open LibreOffice window
neither blocks it nor sees it. Where LibreOffice is not installed, the message says how to get
a PDF another way.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from s55tui.errors import S55Error

# Writer's PDF export options: tagged, PDF/UA (the accessible PDF standard), title as window title.
_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)
_SECONDS = 180  # a long response converts in a few seconds; a hung converter must not hang us
_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class PdfError(S55Error):
    """No PDF could be made."""


def libreoffice() -> str | None:
    """The LibreOffice program, if it is installed (on the PATH or where its installer puts it)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((place for place in _PLACES if Path(place).is_file()), None)


def how_to_get_a_pdf(docx_name: str) -> str:
    """One line for an officer without LibreOffice."""
    return (
        f"no PDF: LibreOffice is not installed. Install it (libreoffice.org; Debian or Ubuntu: "
        f"apt-get install libreoffice-writer) and export again, or open {docx_name} in Word and "
        "save it as PDF"
    )


def docx_to_pdf(docx: bytes, docx_name: str) -> bytes:
    """The PDF of a Word file, made by LibreOffice; raises ``PdfError`` with one line."""
    program = libreoffice()
    if program is None:
        raise PdfError(how_to_get_a_pdf(docx_name))
    with tempfile.TemporaryDirectory(prefix="s55tui-pdf-") as folder:
        work = Path(folder)
        source = work / "response.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            _FILTER,
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"no PDF: LibreOffice took over {_SECONDS} s to convert {docx_name}") from None
        except OSError as error:
            raise PdfError(f"no PDF: LibreOffice could not be started ({error.strerror})") from None
        made = work / "response.pdf"
        if not made.is_file() or not made.stat().st_size:
            raise PdfError(f"no PDF: LibreOffice could not convert {docx_name}")
        return made.read_bytes()
