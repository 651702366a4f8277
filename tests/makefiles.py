"""Build real test files (PDF, DOCX, HTML, text) with known content, at test time."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path


def _font() -> str:
    import matplotlib

    return os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf", "DejaVuSans.ttf")


HEADER = "UNODC Research Brief | Balkan Route Monitor"
LEFT = ("LEFTCOL Opiates leaving Afghanistan cross the Islamic Republic of Iran before reaching Türkiye "
        "and the border crossing at Kapitan Andreevo. ") * 6
RIGHT = ("RIGHTCOL Cocaine shipments arrive at the port of Antwerp hidden in banana containers shipped "
         "from Guayaquil by Meridian Logistics BV. ") * 6


def two_column_pdf(path: Path, pages: int = 2, title: str = "Balkan route brief") -> Path:
    """A two-column PDF with a running header and 'Page N of M' footers on every page."""
    from fpdf import FPDF

    class P(FPDF):
        def header(self):
            self.set_font("dv", size=8)
            self.cell(0, 6, HEADER, align="C")
            self.ln(10)

        def footer(self):
            self.set_y(-12)
            self.set_font("dv", size=8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = P()
    pdf.add_font("dv", fname=_font())
    pdf.set_font("dv", size=10)
    pdf.set_title(title)
    pdf.set_creation_date(dt.datetime(2023, 5, 4, tzinfo=dt.UTC))
    words = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]
    for i in range(pages):
        pdf.add_page()
        with pdf.text_columns(ncols=2, gutter=8) as cols:
            cols.write(text=f"{words[i % 6]} section. " + LEFT)
            cols.new_column()
            cols.write(text=RIGHT + f"End of the {words[i % 6].lower()} section.")
    pdf.output(str(path))
    return path


def one_column_pdf(path: Path, paragraphs: list[str], title: str | None = None, password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dv", fname=_font())
    pdf.set_font("dv", size=11)
    if title:
        pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    pdf.add_page()
    for para in paragraphs:
        pdf.multi_cell(0, 6, para)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scanned' PDF: one page with a drawing and no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    pdf.output(str(path))
    return path


def docx_file(path: Path, title: str, paragraphs: list[str], created: dt.datetime | None = None) -> Path:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Drug", "Seized"
    table.cell(1, 0).text, table.cell(1, 1).text = "heroin", "350 kg"
    d.core_properties.title = title
    d.core_properties.created = created or dt.datetime(2022, 6, 1)
    d.save(str(path))
    return path


HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | Press centre</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}">
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies Manage settings</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>
<main><article>
<h1>{title}</h1>
{body}
</article></main>
<aside><h3>Related news</h3><ul><li><a href="/n1">Annual report launched in Geneva</a></li></ul></aside>
<footer><p>Copyright 2024 Example Agency. All rights reserved. Privacy policy | Terms of use</p></footer>
</body></html>"""


def html_file(path: Path, title: str, paragraphs: list[str], date: str = "2024-03-12",
              charset: str = "utf-8", encoding: str = "utf-8") -> Path:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_bytes(HTML_TEMPLATE.format(charset=charset, title=title, date=date, body=body).encode(encoding))
    return path


def text_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    data = text.encode(encoding)
    if encoding == "utf-16":
        pass  # Python's utf-16 codec writes a BOM
    path.write_bytes(data)
    return path


def titled_report_pdf(path: Path) -> Path:
    """A report whose large-font title wraps over two lines, with a smaller subtitle right below
    it and no title in the metadata: the layout of most agency briefs."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dv", fname=_font())
    pdf.add_page()
    pdf.set_font("dv", size=22)
    pdf.multi_cell(120, 10, "Heroin Trafficking on the Balkan Route: Trends and Responses, 2016–2018")
    pdf.set_font("dv", size=10)
    pdf.multi_cell(0, 6, "Research Brief No. 3/2019")
    pdf.ln(4)
    pdf.set_font("dv", size=10)
    for _ in range(2):
        pdf.multi_cell(0, 5, "Trafficking networks increasingly move heroin through Bulgaria and "
                             "North Macedonia, while wholesale prices remained broadly stable. " * 3)
        pdf.ln(3)
    pdf.output(str(path))
    return path


SEIZURE_TABLE = [
    ["Port", "Drug", "Kilograms", "Agency"],
    ["Rotterdam", "cocaine", "1,200", "Dutch Customs"],
    ["Antwerp", "heroin", "45.5", "Belgian Federal Police"],
    ["Hamburg", "cannabis resin", "310", "Zoll"],
]
TABLE_CAPTION = "Table 1: Seizures at partner ports reported to the Guardia Civil in Valencia, 2023"
TABLE_PROSE_BEFORE = ("The Spanish Guardia Civil coordinated the operation from Madrid, where analysts "
                      "compared the figures reported by the partner ports.")
TABLE_PROSE_AFTER = "Officials in Brussels said the seizures were the largest on record."
_PAGE_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def ruled_table_pdf(path: Path, pages: int = 1, tables: list[list[list[str]]] | None = None) -> Path:
    """A report whose every page has a paragraph, a caption, a ruled table (fpdf2's table(): every
    cell boxed) and a paragraph after it. ``tables``: one table per page (default: SEIZURE_TABLE on
    every page); after the first page the paragraphs name their page, so they are no running lines."""
    from fpdf import FPDF

    tables = tables or [SEIZURE_TABLE] * pages
    pdf = FPDF()
    pdf.add_font("dv", fname=_font())
    pdf.set_font("dv", size=10)
    for i, rows in enumerate(tables):
        tag = "" if i == 0 else f" ({_PAGE_WORDS[i % 10]} part)"
        pdf.add_page()
        pdf.multi_cell(0, 5, TABLE_PROSE_BEFORE + tag)
        pdf.ln(4)
        pdf.multi_cell(0, 5, TABLE_CAPTION + tag)
        pdf.ln(2)
        with pdf.table(first_row_as_headings=False) as table:
            for r in rows:
                row = table.row()
                for cell in r:
                    row.cell(cell)
        pdf.ln(4)
        pdf.multi_cell(0, 5, TABLE_PROSE_AFTER + tag)
    pdf.output(str(path))
    return path


SPACED_PARAS = [
    "Heroin seizures along the Balkan route rose again in 2023, as the European Union Agency for Law "
    "Enforcement Cooperation reported record quantities intercepted at the border crossing of Kapitan "
    "Andreevo between Bulgaria and Türkiye.",
    "Customs officers in the Russian Federation and in Georgia described smaller consignments hidden in "
    "lorries carrying fruit, textiles and building materials from the Islamic Republic of Iran.",
]
SPACED_BULLETS = ["• Seizures of heroin rose at the land borders.", "• Cocaine arrived through the ports.",
                  "• Prices stayed stable."]
SPACED_QUOTE = ("“Every kilogram stopped at the border is a kilogram that will not reach the streets of our "
                "cities,” said Ms. Elena Petrova of the Southeast European Law Enforcement Center.")
SPACED_CARRY = ("The Southeast European Law Enforcement Center coordinated the joint operations from Bucharest "
                "with liaison officers from eleven Member States, who exchanged information on lorries, "
                "containers and couriers across the region and")  # ends mid-sentence at the page's foot
SPACED_CARRY_REST = ("prepared a joint report for the ministers of the interior of the region, who met in "
                     "Sofia in the spring.")
SPACED_NOTE = "1 Interviews with customs officers in Skopje and Belgrade, March 2023."


def spaced_report_pdf(path: Path) -> Path:
    """A report set as many agency reports are: 11-point text in 1.5 line spacing with 4 points
    between paragraphs, a heading, a bullet list set like the text, an indented quote, a paragraph
    that runs on over a page end, and a footnote in smaller type at the foot of the first page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dv", fname=_font())
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("dv", size=11)
    # a heading: a short line in the text's own size; the list is set with the text's line spacing
    pdf.multi_cell(0, 6, "Key findings", new_x="LMARGIN", new_y="NEXT")
    for bullet in SPACED_BULLETS:
        pdf.multi_cell(0, 6.6, bullet, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    for para in SPACED_PARAS:
        pdf.multi_cell(0, 6.6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.set_x(30)
    pdf.multi_cell(150, 6.6, SPACED_QUOTE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.multi_cell(0, 6.6, SPACED_CARRY, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", size=8)
    pdf.set_y(-30)
    pdf.multi_cell(0, 4, SPACED_NOTE, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("dv", size=11)
    pdf.multi_cell(0, 6.6, SPACED_CARRY_REST, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
