"""Crafted import files ("bombs") that once took a worker down, shared by the limit tests, the server
test and the worker test. Each is small on the wire and huge when read naively."""

import datetime
import io
import re
import zipfile

import openpyxl

GEMEENTE_KOP = ["cbs_code", "gemeente", "holland_rijnland", "duin_en_bollenstreek", "veiligheidsregio"]
PLAATSING_KOP = "koppeldatum;samenstelling;volgnummer;volwassenen;minderjarigen"


def xlsx(rijen) -> bytes:
    werkboek = openpyxl.Workbook()
    for rij in rijen:
        werkboek.active.append(rij)
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


def vervang(data: bytes, deel: str, bewerk) -> bytes:
    """The XLSX ``data`` with part ``deel`` rewritten by ``bewerk(bytes) -> bytes``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as bron, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            inhoud = bron.read(info)
            doel.writestr(info.filename, bewerk(inhoud) if info.filename == deel else inhoud)
    return buffer.getvalue()


def gemeenten_xlsx() -> bytes:
    return xlsx([GEMEENTE_KOP, ["GM0518", "'s-Gravenhage", "nee", "nee", "Haaglanden"]])


def dimensie_bom(rijen: int = 25_001) -> bytes:
    """5 kB: a valid gemeenten sheet declaring ``<dimension ref="A1:XFD<rijen>">`` (16,384 columns) with an
    empty cell in row ``rijen``; openpyxl pads every row up to there to the declared width."""

    def bewerk(sheet):
        sheet = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="A1:XFD{rijen}"'.encode(), sheet)
        return sheet.replace(b"</sheetData>", f'<row r="{rijen}"><c r="A{rijen}"/></row></sheetData>'.encode())

    return vervang(gemeenten_xlsx(), "xl/worksheets/sheet1.xml", bewerk)


def reuzenrij_bom(cellen: int = 3_000_000) -> bytes:
    """A few kB: the header row holds millions of empty cells (openpyxl builds a row in full)."""
    return vervang(
        gemeenten_xlsx(), "xl/worksheets/sheet1.xml", lambda d: d.replace(b"</row>", b"<c/>" * cellen + b"</row>", 1)
    )


def cellen_bom(rijen: int = 25_000, breedte: int = 60) -> bytes:
    """~150 kB holding a ~50 MB sheet: thousands of rows of dozens of cells each."""
    rij = b"<row>" + b"<c><v>1</v></c>" * breedte + b"</row>"
    return vervang(
        gemeenten_xlsx(),
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"</sheetData>", rij * rijen + b"</sheetData>"),
    )


def opmaak_bom(stijlen: int = 500_000) -> bytes:
    """Half a million cell styles (openpyxl builds every one of them when it opens the workbook)."""
    return vervang(
        gemeenten_xlsx(),
        "xl/styles.xml",
        lambda d: d.replace(b"<cellXfs", b"<cellXfs>" + b'<xf numFmtId="0"/>' * stijlen + b"</cellXfs><cellXfs", 1),
    )


def teksten_bom(teksten: int = 3_000_000) -> bytes:
    """Millions of shared strings (openpyxl reads the whole table when it opens the workbook)."""
    sst = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>x</t></si>" * teksten
        + b"</sst>"
    )
    data = gemeenten_xlsx()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as bron, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            inhoud = bron.read(info)
            if info.filename == "[Content_Types].xml":
                inhoud = inhoud.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            if info.filename == "xl/_rels/workbook.xml.rels":
                inhoud = inhoud.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings"/></Relationships>',
                )
            doel.writestr(info.filename, inhoud)
        doel.writestr("xl/sharedStrings.xml", sst)
    return buffer.getvalue()


def dtd_xlsx(dtd: bytes, tekst: bytes) -> bytes:
    """A gemeenten sheet that starts with ``<!DOCTYPE …>`` (``dtd``) and names its gemeente ``tekst`` (an entity
    reference): what a crafted file needs for entity expansion or an external entity."""

    def bewerk(sheet):
        return b"<!DOCTYPE worksheet " + dtd + b">" + sheet.replace(b"'s-Gravenhage", tekst)

    return vervang(gemeenten_xlsx(), "xl/worksheets/sheet1.xml", bewerk)


def billion_laughs_xlsx() -> bytes:
    """Under 1 kB of entities that expand to 10^9 copies of "lol" (3 GB) in a parser that expands them."""
    niveaus = [b'<!ENTITY lol0 "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    ]
    return dtd_xlsx(b"[" + b"".join(niveaus) + b"]", b"&lol9;")


def externe_entiteit_xlsx(pad) -> bytes:
    """The gemeente's name is an external entity: the contents of the local file ``pad``."""
    return dtd_xlsx(b'[<!ENTITY buiten SYSTEM "%s">]' % pad.as_uri().encode(), b"&buiten;")


def brede_kop_csv(kolommen: int = 3_000_000) -> bytes:
    """3 MB: the gemeenten header followed by millions of empty header columns, and a few rows."""
    kop = ";".join(GEMEENTE_KOP) + ";" * kolommen
    return (kop + "\n" + "GM0518;'s-Gravenhage;nee;nee;Haaglanden\n" * 200).encode()


def lang_veld_csv(lengte: int = 200 * 1024) -> bytes:
    return (";".join(GEMEENTE_KOP) + "\nGM0518;" + "x" * lengte + ";nee;nee;\n").encode()


def plaatsingen_csv(aantal: int, fout_in_laatste: bool = False, eerste_volgnummer: int = 1) -> bytes:
    """``aantal`` valid plaatsingen (unique koppeldatum + samenstelling + volgnummer), the last one
    with an impossible date if ``fout_in_laatste``."""
    regels = [PLAATSING_KOP]
    for i in range(aantal):
        datum = datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 1000)
        regels.append(f"{datum.isoformat()};alleenstaande;{i // 1000 + eerste_volgnummer};1;0")
    if fout_in_laatste:
        regels[-1] = "2024-13-40;alleenstaande;1;1;0"
    return ("\n".join(regels) + "\n").encode()


def multipart(velden: dict, bestanden: dict) -> tuple[bytes, str]:
    """A multipart/form-data body and its content type: ``bestanden`` maps a field to (name, bytes)."""
    grens = "----nw-import-grens-7f3a9c"
    delen = []
    for naam, waarde in velden.items():
        delen.append(f'--{grens}\r\nContent-Disposition: form-data; name="{naam}"\r\n\r\n{waarde}\r\n'.encode())
    for naam, (bestandsnaam, inhoud) in bestanden.items():
        delen.append(
            f'--{grens}\r\nContent-Disposition: form-data; name="{naam}"; filename="{bestandsnaam}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
            + inhoud
            + b"\r\n"
        )
    delen.append(f"--{grens}--\r\n".encode())
    return b"".join(delen), f"multipart/form-data; boundary={grens}"
