"""The tracker written out: a terminal table, CSV, a spreadsheet, Markdown or a web page.

Every format has the same columns in the same order, so the panel's clerk can move between
them. The spreadsheet is what a clerk expects of one: a bold header row with filters, the
header frozen while scrolling, dates as real dates, columns wide enough to read, and the RAG
cell coloured.
"""

from __future__ import annotations

import csv
import html
import io
import math
from datetime import date
from typing import Any

from s55tui.tracker import AMBER, CLOSED, GREEN, RAG_WORDS, RED, TrackerRow

COLUMNS = (
    "Report",
    "Published",
    "Item",
    "Addressed to",
    "Due",
    "Status",
    "Last update",
    "Updated",
    "Days open",
    "RAG",
)
# Spreadsheet column widths, in characters.
_WIDTHS = (40, 12, 24, 22, 12, 16, 44, 12, 10, 8)
_WRAPPED = (1, 4, 7)  # the columns whose text wraps: report, addressees, last update
_FILLS = {RED: "F8D7DA", AMBER: "FFE8B3", GREEN: "D4EDDA", CLOSED: "E2E3E5"}


def values(row: TrackerRow) -> list[Any]:
    """A row's cells as values (dates as dates, numbers as numbers)."""
    if row.error:
        return [row.report, None, "", "", None, "cannot read", row.error, None, None, "Error"]
    return [
        row.report,
        row.published,
        row.item,
        row.addressees,
        row.due,
        row.status_words,
        " ".join(row.last_update.split()),
        row.last_update_on,
        row.days_open,
        RAG_WORDS.get(row.rag, ""),
    ]


def texts(row: TrackerRow) -> list[str]:
    """A row's cells as text, dates written as offices write them."""
    return ["" if v is None else _date(v) if isinstance(v, date) else str(v) for v in values(row)]


def _date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def as_csv(rows: list[TrackerRow]) -> str:
    """CSV with a header row; dates in ISO form, which every spreadsheet reads as dates."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in values(row)]
        )
    return out.getvalue()


def as_markdown(rows: list[TrackerRow], today: date) -> str:
    """A Markdown table, under a heading that says the day it was made."""
    lines = [f"# Recommendations tracker, {_date(today)}", "", "| " + " | ".join(COLUMNS) + " |"]
    lines.append("|" + "---|" * len(COLUMNS))
    for row in rows:
        cells = [cell.replace("|", "\\|") for cell in texts(row)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def as_html(rows: list[TrackerRow], today: date) -> str:
    """A standalone web page with the table, the RAG cells coloured and named in words."""
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in COLUMNS)
    body = []
    for row in rows:
        cells = texts(row)
        tds = "".join(f"<td>{html.escape(cell)}</td>" for cell in cells[:-1])
        fill = _FILLS.get(row.rag, "FFFFFF")
        body.append(f"<tr>{tds}<td style='background:#{fill}'>{html.escape(cells[-1])}</td></tr>")
    title = f"Recommendations tracker, {_date(today)}"
    return (
        "<!DOCTYPE html>\n<html lang='en-GB'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:Arial,sans-serif;margin:1rem;color:#1f2937}"
        "table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #9ca3af;padding:.3rem .5rem;"
        "vertical-align:top;text-align:left}th{background:#e8edf3;position:sticky;top:0}"
        ".wrap{overflow-x:auto}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><div class='wrap'><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div></body></html>\n"
    )


def as_xlsx(rows: list[TrackerRow], today: date) -> bytes:
    """The spreadsheet: header, filters, frozen header row, widths, dates and coloured RAG."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EDF3")
    for row in rows:
        sheet.append(values(row))
        rag_cell = sheet.cell(row=sheet.max_row, column=len(COLUMNS))
        if row.rag in _FILLS:
            rag_cell.fill = PatternFill("solid", fgColor=_FILLS[row.rag])
    for number, width in enumerate(_WIDTHS, start=1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, date):
                cell.number_format = "d mmm yyyy"
            cell.alignment = Alignment(vertical="top", wrap_text=number in _WRAPPED)
    for index in range(2, sheet.max_row + 1):
        # Heights set here: a spreadsheet program does not always grow a row for wrapped text
        # it did not write itself (LibreOffice drew the lines over the next row).
        lines = max(
            math.ceil(len(str(sheet.cell(row=index, column=column).value or "")) / (_WIDTHS[column - 1] - 2))
            for column in _WRAPPED
        )
        sheet.row_dimensions[index].height = 15 * max(1, min(lines, 8))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = f"Recommendations tracker, {_date(today)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_table(rows: list[TrackerRow], width: int) -> Any:
    """A rich table for a terminal ``width`` wide: RAG first and coloured; on a narrow terminal
    only the columns that say what is urgent (the rest are in every other format)."""
    from rich.table import Table

    colours = {RED: "bold red", AMBER: "yellow", GREEN: "green", CLOSED: "dim"}
    if width >= 160:
        shown = list(COLUMNS)
    elif width >= 100:
        shown = ["Report", "Item", "Due", "Status", "Updated", "Days open", "RAG"]
    else:
        shown = ["Report", "Item", "Due", "Status", "RAG"]
    order = ["RAG", *(c for c in shown if c != "RAG")]
    fixed = {"RAG": 6, "Item": 18, "Due": 11, "Updated": 11, "Days open": 9, "Published": 11, "Status": 12}
    table = Table(header_style="bold", expand=True)
    for name in order:
        table.add_column(
            name,
            no_wrap=True,
            overflow="ellipsis",
            min_width=fixed.get(name),
            max_width=fixed.get(name),
            ratio=None if name in fixed else 1,
        )
    for row in rows:
        cells = dict(zip(COLUMNS, texts(row), strict=True))
        style = "red" if row.error else colours.get(row.rag, "")
        rag_word = "Error" if row.error else cells["RAG"]
        cells["RAG"] = f"[{style}]{rag_word}[/]" if style and rag_word else rag_word
        if row.error:  # the reason where there is most room
            cells["Item"], cells["Status"], cells["Report"] = "cannot read", "", row.error
        table.add_row(*(cells[name] for name in order))
    return table
