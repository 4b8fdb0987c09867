"""Sessions, attendance, findings and follow-ups: validation, pages, queries and query budgets."""

import json
from dataclasses import asdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from noordwijk_migratie.getallen import percentage
from noordwijk_migratie.indicatoren import bereken
from themasessies import queries
from themasessies.models import Partner, Sessie, Vervolgactie
from themasessies.tests.factories import (
    BevindingFactory,
    ContactpersoonFactory,
    PartnerFactory,
    SessieFactory,
    ThemaFactory,
    VervolgactieFactory,
)

pytestmark = pytest.mark.django_db


def test_index_toont_kerncijfers_en_linkt_elke_lijst(adviseur_client, basisgegevens):
    html = adviseur_client.get(reverse("themasessies:index")).content.decode()
    assert "Kerncijfers op" in html
    for naam in (
        "sessie_list",
        "thema_list",
        "partner_list",
        "contactpersoon_list",
        "bevinding_list",
        "vervolgactie_list",
    ):
        assert reverse(f"themasessies:{naam}") in html


def test_sessie_met_aanwezigheid_van_niet_uitgenodigde_partner_wordt_niet_opgeslagen(adviseur_client):
    a, b = PartnerFactory(naam="COA"), PartnerFactory(naam="Vluchtelingenwerk")
    data = {"titel": "Eerste themasessie", "datum": "2025-10-01", "uitgenodigd": [a.pk], "aanwezig": [a.pk, b.pk]}
    response = adviseur_client.post(reverse("themasessies:sessie_add"), data)
    assert response.status_code == 200
    assert "Niet uitgenodigd: Vluchtelingenwerk." in response.content.decode()
    assert not Sessie.objects.exists()
    data["uitgenodigd"] = [a.pk, b.pk]  # added to the invited after all
    assert adviseur_client.post(reverse("themasessies:sessie_add"), data).status_code == 302
    assert set(Sessie.objects.get().aanwezig.all()) == {a, b}


def test_aanwezigheid_zonder_uitnodiging_geweigerd_buiten_formulieren_om():
    sessie, partner = SessieFactory(), PartnerFactory()
    with pytest.raises(ValidationError, match="Niet uitgenodigd"), transaction.atomic():
        sessie.aanwezig.add(partner)
    assert not sessie.aanwezig.exists()


def test_gekozen_themas_krijgen_status_gekozen(adviseur_client):
    thema = ThemaFactory(status="voorgesteld")
    data = {"titel": "Sessie", "datum": "2025-10-01", "themas": [thema.pk]}
    assert adviseur_client.post(reverse("themasessies:sessie_add"), data).status_code == 302
    thema.refresh_from_db()
    assert thema.status == "gekozen"


def test_deadline_voor_de_sessiedatum_wordt_geweigerd(adviseur_client):
    sessie = SessieFactory(datum=date(2025, 10, 1))
    data = {
        "sessie": sessie.pk,
        "omschrijving": "Notitie opstellen",
        "eigenaar": "Opgaveteam",
        "deadline": "2025-09-15",
        "status": "open",
    }
    response = adviseur_client.post(reverse("themasessies:vervolgactie_add"), data)
    assert response.status_code == 200
    assert "De deadline (15-09-2025) ligt vóór de sessiedatum (01-10-2025)." in response.content.decode()
    assert not Vervolgactie.objects.exists()


def test_afgeronde_vervolgactie_vraagt_datum_afgerond():
    v = VervolgactieFactory.build(sessie=SessieFactory(), status="afgerond")
    with pytest.raises(ValidationError, match="wanneer de vervolgactie is afgerond"):
        v.full_clean()


def test_vervolgactie_neemt_de_programmalijn_van_de_actie_over(adviseur_client, basisgegevens):
    from programma.models import Actie

    actie = Actie.objects.get(code="B1-2-01")
    sessie = SessieFactory(datum=date(2025, 10, 1))
    data = {
        "sessie": sessie.pk,
        "omschrijving": "Tweede sessie plannen",
        "eigenaar": "Opgaveteam",
        "deadline": "2025-12-01",
        "status": "open",
        "actie": actie.pk,
    }
    assert adviseur_client.post(reverse("themasessies:vervolgactie_add"), data).status_code == 302
    assert Vervolgactie.objects.get().programmalijn.nummer == 2


def test_bevinding_moet_iets_bevatten_en_is_uniek_per_hoek_en_perspectief(adviseur_client):
    sessie = SessieFactory()
    leeg = {"sessie": sessie.pk, "invalshoek": "wonen", "perspectief": "inwoners"}
    response = adviseur_client.post(reverse("themasessies:bevinding_add"), leeg)
    assert "Vul ten minste een knelpunt" in response.content.decode()
    BevindingFactory(sessie=sessie, invalshoek="wonen", perspectief="inwoners")
    response = adviseur_client.post(reverse("themasessies:bevinding_add"), {**leeg, "knelpunten": "Wachtlijsten"})
    assert response.status_code == 200
    assert sessie.bevindingen.count() == 1


def test_sessiepagina_en_afdrukbare_samenvatting(adviseur_client):
    a, b = PartnerFactory(naam="ISD Bollenstreek"), PartnerFactory(naam="Taalpact")
    sessie = SessieFactory(titel="Onderwijs en nieuwkomers")
    sessie.uitgenodigd.set([a, b])
    sessie.aanwezig.set([a])
    BevindingFactory(
        sessie=sessie, invalshoek="onderwijs", perspectief="voorzieningen", knelpunten="Volle schakelklassen"
    )
    VervolgactieFactory(sessie=sessie, omschrijving="Overleg met schoolbesturen")
    for url in (sessie.get_absolute_url(), reverse("themasessies:sessie_samenvatting", args=[sessie.pk])):
        html = adviseur_client.get(url).content.decode()
        assert "Volle schakelklassen" in html and "Overleg met schoolbesturen" in html
        assert "ISD Bollenstreek" in html and "niet aanwezig" in html


def test_partnerpagina_toont_contactpersonen_en_betrokkenheid(adviseur_client):
    contact = ContactpersoonFactory(naam="J. de Vries", email="j.devries@coa.example")
    sessie = SessieFactory()
    sessie.uitgenodigd.set([contact.partner])
    sessie.aanwezig.set([contact.partner])
    html = adviseur_client.get(contact.partner.get_absolute_url()).content.decode()
    assert "j.devries@coa.example" in html and str(sessie) in html and "aanwezig" in html


def test_partnerlijst_telt_bijgewoonde_sessies_zoals_de_partnerpagina(adviseur_client):
    """Attendance counts where the partner was invited, in the list as on its page and in the reports."""
    partner = PartnerFactory(naam="Taalpact")
    bijgewoond, andere = SessieFactory(), SessieFactory()
    bijgewoond.uitgenodigd.add(partner)
    bijgewoond.aanwezig.add(partner)
    Sessie.aanwezig.through.objects.create(sessie=andere, partner=partner)  # recorded around the forms
    tabel = adviseur_client.get(reverse("themasessies:partner_list")).context["table"]
    assert [r.get_cell_value("aantal_aanwezig") for r in tabel.rows if r.record.pk == partner.pk] == [1]
    html = adviseur_client.get(partner.get_absolute_url()).content.decode()
    assert str(bijgewoond) in html and str(andere) not in html


def test_diensten_voor_dashboard_en_rapportage(basisgegevens):
    vandaag = timezone.localdate()
    basis = list(Partner.objects.filter(uit_bestuursopdracht=True))
    sessie = SessieFactory(datum=vandaag - timedelta(days=30))
    sessie.uitgenodigd.set(basis[:3])
    sessie.aanwezig.set(basis[:2])
    SessieFactory(datum=vandaag + timedelta(days=30))
    VervolgactieFactory(sessie=sessie, deadline=vandaag - timedelta(days=1))
    k = queries.themasessies_kerncijfers(vandaag)
    assert (k.aanwezigheid_pct, k.vervolg_te_laat, k.volgende_sessie) == (
        Decimal("66.7"),
        1,
        vandaag + timedelta(days=30),
    )
    periode = queries.sessies_in_periode(vandaag - timedelta(days=60), vandaag)
    assert [s.id for s in periode] == [sessie.pk]
    assert len(periode[0].aanwezig) == 2
    betrokken = queries.partner_betrokkenheid(vandaag - timedelta(days=60), vandaag)
    per_naam = {p.naam: p for p in betrokken.partners}
    assert per_naam[basis[0].naam].aanwezig == 1 and per_naam[basis[2].naam].aanwezig == 0
    assert per_naam[basis[2].naam].uitgenodigd == 1
    for resultaat in (k, betrokken, *periode):
        json.dumps(asdict(resultaat), cls=DjangoJSONEncoder)
    berekend = bereken("partners_betrokken", vandaag)
    assert berekend.waarde == percentage(2, len(basis))
    assert f"2 van de {len(basis)} partners" in berekend.toelichting
    # a year later nobody attended within 12 months
    assert float(bereken("partners_betrokken", vandaag + timedelta(days=400)).waarde) == 0


def test_evaluatierapport_schrijft_percentages_met_komma_en_rondt_half_naar_boven_af(db):
    """1 of 16 invited partners attended: the report says 6,3 % (the snapshot stores the figure as text)."""
    from django.template.loader import render_to_string

    from noordwijk_migratie.registry import Peil
    from themasessies.rapportsecties import themasessies

    vandaag = timezone.localdate()
    partners = [PartnerFactory() for _ in range(16)]
    sessie = SessieFactory(datum=vandaag - timedelta(days=10))
    sessie.uitgenodigd.set(partners)
    sessie.aanwezig.set(partners[:1])
    data = json.loads(json.dumps(themasessies(Peil(vandaag)), cls=DjangoJSONEncoder))  # as in the snapshot
    html = " ".join(render_to_string("pdf/secties/themasessies.html", {"data": data}).split())
    assert "Aanwezigheid van uitgenodigde partners in de afgelopen 12 maanden: 6,3 %." in html


def test_thema_inventarisatie_sorteert_op_stemmen_en_filtert(adviseur_client):
    ThemaFactory(titel="Zorg voor nieuwkomers", stemmen=2)
    ThemaFactory(titel="Onderwijs", stemmen=7, status="geparkeerd")
    response = adviseur_client.get(reverse("themasessies:thema_list"), {"status": "geparkeerd"})
    assert [t.titel for t in response.context["table"].data] == ["Onderwijs"]
    csv = adviseur_client.get(reverse("themasessies:thema_list"), {"export": "csv"}).content.decode("utf-8-sig")
    assert "Zorg voor nieuwkomers" in csv and "Onderwijs" in csv
    ThemaFactory(titel="Werk", stemmen=9)
    voorgesteld = adviseur_client.get(reverse("themasessies:thema_list"), {"status": "voorgesteld"})
    assert [t.titel for t in voorgesteld.context["table"].data] == ["Werk", "Zorg voor nieuwkomers"]  # most votes first


def _sessie_met_deelnemers():
    sessie = SessieFactory()
    partner = PartnerFactory()
    sessie.themas.add(ThemaFactory())
    sessie.uitgenodigd.add(partner)
    sessie.aanwezig.add(partner)
    return sessie


@pytest.mark.parametrize(
    ("url_naam", "maak"),
    [
        ("themasessies:partner_list", lambda: PartnerFactory()),
        ("themasessies:contactpersoon_list", lambda: ContactpersoonFactory()),
        ("themasessies:thema_list", lambda: ThemaFactory(voorgesteld_door_partner=PartnerFactory())),
        ("themasessies:sessie_list", _sessie_met_deelnemers),
        ("themasessies:bevinding_list", lambda: BevindingFactory()),
        ("themasessies:vervolgactie_list", lambda: VervolgactieFactory()),
    ],
)
def test_lijsten_hebben_een_vast_aantal_queries(adviseur_client, url_naam, maak):
    from tests.queries import assert_vast_aantal_queries

    assert_vast_aantal_queries(adviseur_client, reverse(url_naam), lambda n: [maak() for _ in range(n)])
