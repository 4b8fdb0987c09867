"""Reference data of the project package: the four doelgroepen and the 13 Holland Rijnland gemeenten."""

import csv
from pathlib import Path

from .models import Doelgroep, Gemeente

DATA_DIR = Path(__file__).resolve().parent / "data"

DOELGROEPEN = (
    # code, naam, wettelijke opgave
    ("statushouders", "Statushouders", True),
    ("oekraine", "Oekraïense ontheemden", True),
    ("asielzoekers", "Asielzoekers", True),
    ("internationale-werknemers", "Internationale werknemers", False),
)


def laad(log):
    for volgorde, (code, naam, wettelijk) in enumerate(DOELGROEPEN, start=1):
        Doelgroep.objects.update_or_create(
            code=code, defaults={"naam": naam, "wettelijke_opgave": wettelijk, "volgorde": volgorde}
        )
    log(f"Doelgroepen: {Doelgroep.objects.count()}")
    with open(DATA_DIR / "regio_gemeenten.csv", encoding="utf-8") as fh:
        for rij in csv.DictReader(fh):
            Gemeente.objects.update_or_create(
                cbs_code=rij["cbs_code"],
                defaults={
                    "naam": rij["gemeente"],
                    "holland_rijnland": rij["holland_rijnland"] == "ja",
                    "duin_en_bollenstreek": rij["duin_en_bollenstreek"] == "ja",
                    "veiligheidsregio": rij["veiligheidsregio"],
                },
            )
    log(f"Gemeenten: {Gemeente.objects.count()}")
