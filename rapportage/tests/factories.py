import hashlib
import io
from datetime import date

import factory
from django.core.files.base import ContentFile
from pypdf import PdfWriter

from rapportage import secties
from rapportage.models import Rapport, Status, Toelichting, Voorblad
from tests.factories import registreer


def lege_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@registreer
class RapportFactory(factory.django.DjangoModelFactory):
    """A finished concept report with a (blank) PDF, as the task leaves it."""

    class Meta:
        model = Rapport

    soort = secties.HALFJAAR
    peildatum = date(2025, 7, 1)
    versie = factory.Sequence(lambda n: n + 1)
    status = Status.KLAAR
    voortgang = 100
    snapshot = factory.LazyFunction(lambda: {"omslag": {"titel": "Halfjaarrapportage", "volgorde": 0, "data": {}}})
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.pdf_inhoud).hexdigest())
    pdf = factory.LazyAttribute(lambda o: ContentFile(o.pdf_inhoud, name="test-rapport.pdf"))

    class Params:
        pdf_inhoud = factory.LazyFunction(lege_pdf)


@registreer
class ToelichtingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toelichting
        django_get_or_create = ("soort", "peildatum", "sectie")

    soort = secties.HALFJAAR
    peildatum = date(2025, 7, 1)
    sectie = "taakstelling_perioden"  # a domain section: every writing role may edit it
    tekst = "De realisatie bleef achter bij de gecorrigeerde taakstelling."


@registreer
class VoorbladFactory(factory.django.DjangoModelFactory):
    """The one row of cover data."""

    class Meta:
        model = Voorblad
        django_get_or_create = ("id",)

    id = 1
    portefeuillehouder = "Wethouder asiel en migratie"
    opsteller = "Opgaveteam asiel en migratie"
    contact = "14 071"
