"""Page numbers of the Word edition's lists, measured by LibreOffice, and the ODT beside it.

Word and LibreOffice show a field's cached result until it is updated, so a DOCX whose
Daftar Isi holds no numbers looks empty to the head of office. After pandoc and
docx_package wrote the document, LibreOffice (headless, a private profile, a Basic macro)
opens it, lays it out, and reports the page of every bookmark the lists point to (its
PAGEREF fields, as "page (styled)": roman in the front matter); the numbers go into the
fields' cached results (the front matter's as plain text, because LibreOffice computes a
PAGEREF as an arabic number). The same run stores the ODT.

Without LibreOffice the DOCX asks Word to update its fields on opening (w:updateFields)
and the build says so; LibreOffice computes PAGEREF fields itself.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lkj.render.docx_layout import PLACEHOLDER, Layout

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Lkj"
 script:language="StarBasic">
Sub Pages(sIn As String, sOut As String, sOdt As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, args())
  oEnum = oDoc.getTextFields().createEnumeration()
  Do While oEnum.hasMoreElements()
    f = oEnum.nextElement()
    If f.supportsService(&quot;com.sun.star.text.TextField.GetReference&quot;) Then
      f.ReferenceFieldPart = 4
    End If
  Loop
  oDoc.getTextFields().refresh()
  n = oDoc.getCurrentController().getPropertyValue(&quot;PageCount&quot;)
  oDoc.getTextFields().refresh()
  iFile = FreeFile
  Open sOut For Output As #iFile
  Print #iFile, &quot;#pages&quot; &amp; Chr(9) &amp; n
  oEnum = oDoc.getTextFields().createEnumeration()
  Do While oEnum.hasMoreElements()
    f = oEnum.nextElement()
    If f.supportsService(&quot;com.sun.star.text.TextField.GetReference&quot;) Then
      Print #iFile, f.SourceName &amp; Chr(9) &amp; f.getPresentation(False)
    End If
  Loop
  Close #iFile
  If sOdt &lt;&gt; &quot;&quot; Then
    Dim fa(0) As New com.sun.star.beans.PropertyValue
    fa(0).Name = &quot;FilterName&quot;
    fa(0).Value = &quot;writer8&quot;
    oDoc.storeToURL(ConvertToURL(sOdt), fa())
  End If
  oDoc.close(True)
End Sub
</script:module>
"""
LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
 library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Lkj"/>
</library:library>
"""


@dataclass
class Measured:
    pages: dict[str, str]  # bookmark -> page number as shown ("iii", "12")
    page_count: int
    odt: bytes | None


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def soffice_version() -> str:
    """Part of the DOCX cache key: another LibreOffice may lay pages out differently."""
    path = soffice()
    if path is None:
        return "none"
    try:
        proc = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return proc.stdout.strip()


def _run(cmd: list[str], what: str) -> None:
    proc = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip()[-2000:]
        raise OSError(f"LibreOffice ({what}) berhenti dengan kode {proc.returncode}: {tail}")


def measure(docx: bytes, want_odt: bool = True) -> Measured | None:
    """Ask LibreOffice for the page of every PAGEREF target; None without LibreOffice."""
    path = soffice()
    if path is None:
        return None
    with tempfile.TemporaryDirectory(prefix="lkj-lo-") as tmp:
        work = Path(tmp)
        profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
        base = [path, profile, "--headless", "--norestore", "--nologo", "--nodefault"]
        # A fresh private profile: parallel builds and the user's own LibreOffice never
        # share (or lock) it. Its first start writes the default Basic library, which is
        # then given the macro.
        _run([*base, "--terminate_after_init"], "profil")
        library = work / "profile" / "user" / "basic" / "Standard"
        library.mkdir(parents=True, exist_ok=True)
        (library / "script.xlb").write_text(LIBRARY, encoding="utf-8")
        (library / "Lkj.xba").write_text(MACRO, encoding="utf-8")
        (library / "Module1.xba").unlink(missing_ok=True)
        source, out, odt = work / "book.docx", work / "pages.txt", work / "book.odt"
        source.write_bytes(docx)
        target = str(odt) if want_odt else ""
        _run([*base, f'macro:///Standard.Lkj.Pages("{source}","{out}","{target}")'], "makro")
        try:
            text = out.read_text(encoding="utf-8")
        except OSError:
            raise OSError("LibreOffice tidak menjalankan makro penghitung halaman") from None
        pages: dict[str, str] = {}
        count = 0
        for line in text.splitlines():
            name, _, value = line.partition("\t")
            if name == "#pages":
                count = int(value or 0)
            elif name:
                pages[name] = value.strip()
        return Measured(pages, count, odt.read_bytes() if odt.exists() else None)


def fill(document: str, layout: Layout, pages: dict[str, str]) -> str:
    """document.xml with the measured page numbers as the PAGEREF fields' cached results;
    front-matter numbers as plain text (see the module docstring)."""
    from lkj.render.docx_layout import page_field

    for mark in layout.marks:
        shown = pages.get(mark)
        if not shown:
            continue
        old = page_field(mark)
        if mark in layout.front:
            document = document.replace(old, f"<w:r><w:t>{shown}</w:t></w:r>")
        else:
            document = document.replace(old, old.replace(f">{PLACEHOLDER}<", f">{shown}<"))
    return document


def unfilled(document: str, layout: Layout) -> str:
    """Without measured pages: empty cached results (Word computes them on opening)."""
    from lkj.render.docx_layout import page_field

    for mark in layout.marks:
        old = page_field(mark)
        document = document.replace(old, old.replace(f">{PLACEHOLDER}<", "><"))
    return document
