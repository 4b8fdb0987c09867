"""Reminders in one process, delivered over real SMTP (a server started by the test on a free port):
due reminders arrive once, work done before sending is never sent, lead times, focus, opt-out, the
weekly digest grouped by doelgroep, Mijn werk with "gezien" and the header count."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from herinneringen import diensten
from herinneringen.models import Bezorging, Melding, Overzicht, Profiel, Voorkeur
from noordwijk_migratie import registry
from noordwijk_migratie.models import Doelgroep
from noordwijk_migratie.registry import Aanleiding, Herinnering
from programma.models import ActieStatus
from programma.tests.factories import ActieFactory

VANDAAG = date(2026, 12, 2)  # a Wednesday
ACTIE = "programma.actie_te_laat"

pytestmark = pytest.mark.usefixtures("zonder_statushouders")


@pytest.fixture
def doelgroepen(db):
    return {
        code: Doelgroep.objects.get_or_create(code=code, defaults={"naam": naam, "volgorde": i})[0]
        for i, (code, naam) in enumerate(
            (("statushouders", "Statushouders"), ("oekraine", "Oekraïense ontheemden")), start=1
        )
    }


def actie(eind: date, *doelgroepen, **velden):
    a = ActieFactory(gepland_eind=eind, status=velden.pop("status", ActieStatus.LOOPT), **velden)
    a.doelgroepen.set(doelgroepen)
    return a


def test_leadtimes_het_laatst_bereikte_moment_vervangt_de_eerdere(settings):
    soort = Herinnering("x.beleidsdatum", "Beleidsdatum", lambda d: (), ("opgavemanager",), dagen_vooraf=(7, 90, 30))
    item = Aanleiding("rtb", date(2027, 3, 4), "Einde RTB", "/")
    assert soort.vooraf == (90, 30, 7)
    assert soort.moment(item, date(2026, 12, 3)) is None  # 91 days ahead
    assert soort.moment(item, date(2026, 12, 4)) == date(2026, 12, 4)  # 90 days
    assert soort.moment(item, date(2027, 2, 1)) == date(2026, 12, 4)  # still the 90-day one
    assert soort.moment(item, date(2027, 2, 2)) == date(2027, 2, 2)  # 30 days: supersedes the 90-day one
    assert soort.moment(item, date(2027, 3, 4)) == date(2027, 2, 25)  # 7 days
    settings.HERINNERINGEN_DAGEN_VOORAF = {"x.beleidsdatum": (14,)}
    assert soort.vooraf == (14,) and soort.moment(item, date(2027, 2, 20)) == date(2027, 2, 18)


def test_instelling_leadtimes_met_nederlandse_fout(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from noordwijk_migratie.settings.env import env_dagen_per_code

    monkeypatch.setenv("HERINNERINGEN_DAGEN_VOORAF", "opvang.beleidsdatum=90,30,7; taakstelling.woningaanbod=7,0")
    assert env_dagen_per_code("HERINNERINGEN_DAGEN_VOORAF") == {
        "opvang.beleidsdatum": (90, 30, 7),
        "taakstelling.woningaanbod": (7, 0),
    }
    for fout in ("opvang.beleidsdatum", "=7", "x=zeven", "x=-1"):
        monkeypatch.setenv("HERINNERINGEN_DAGEN_VOORAF", fout)
        with pytest.raises(ImproperlyConfigured, match="is geen 'code=dagen,dagen'"):
            env_dagen_per_code("HERINNERINGEN_DAGEN_VOORAF")


@pytest.mark.django_db
def test_een_herinnering_komt_een_keer_aan_ook_als_de_taak_twee_keer_draait(via_smtp, adviseur, doelgroepen):
    a = actie(date(2026, 11, 30), doelgroepen["statushouders"])
    eerste = diensten.ronde(VANDAAG)
    tweede = diensten.ronde(VANDAAG)
    assert (eerste.verstuurd, tweede.verstuurd) == (1, 0)
    [bericht] = via_smtp.berichten
    assert bericht["To"] == "adviseur@example.org"
    assert bericht["Subject"] == "Herinnering: Actie over de geplande einddatum · Gemeente Noordwijk"
    tekst = bericht.get_body(("plain",)).get_content()
    html = bericht.get_body(("html",)).get_content()
    assert "Beste Anna" in tekst and "gepland gereed op 30-11-2026, status loopt" in tekst
    link = f"https://migratie.example.org{a.get_absolute_url()}"
    assert link in tekst and f'href="{link}"' in html and 'lang="nl"' in html
    assert "https://migratie.example.org/mijn-werk/voorkeuren/" in tekst
    assert bericht["Message-ID"].endswith("@migratie.example.org>")
    melding = Melding.objects.get()
    assert (melding.soort, melding.sleutel, melding.moment) == (ACTIE, str(a.pk), date(2026, 12, 1))
    assert melding.verstuurd_op and not melding.claim


@pytest.mark.django_db
def test_gedaan_werk_wordt_niet_verstuurd(via_smtp, adviseur):
    """Done before its moment: never a reminder. Done after the reminder was made but before the e-mail
    went out: the state check just before sending drops it."""
    voor_het_moment = actie(date(2026, 12, 10))
    voor_het_moment.status = ActieStatus.AFGEROND
    voor_het_moment.save()
    na_aanmaken = actie(date(2026, 11, 1))
    diensten.bijwerken(date(2026, 12, 20))
    assert list(Melding.objects.values_list("sleutel", flat=True)) == [str(na_aanmaken.pk)]
    na_aanmaken.status = ActieStatus.BEWUST_NIET
    na_aanmaken.reden_niet_uitvoeren = "Past niet meer in het programma."
    na_aanmaken.save()
    assert diensten.verstuur_direct(date(2026, 12, 20)) == 0
    assert via_smtp.berichten == []
    assert Melding.objects.get().vervallen_op is not None


@pytest.mark.django_db
def test_focus_van_de_beleidsadviseur(via_smtp, adviseur, maak_gebruiker, doelgroepen):
    profiel = Profiel.objects.create(gebruiker=adviseur)
    profiel.focus.set([doelgroepen["statushouders"]])
    collega = maak_gebruiker("beleidsadviseur", username="collega")  # no focus: everything
    statushouders = actie(date(2026, 11, 1), doelgroepen["statushouders"])
    oekraine = actie(date(2026, 11, 1), doelgroepen["oekraine"])
    zonder = actie(date(2026, 11, 1))
    diensten.bijwerken(VANDAAG)

    def van(user):
        return set(Melding.objects.filter(gebruiker=user).values_list("sleutel", flat=True))

    assert van(adviseur) == {str(statushouders.pk), str(zonder.pk)}
    assert van(collega) == {str(statushouders.pk), str(oekraine.pk), str(zonder.pk)}
    profiel.focus.set([doelgroepen["oekraine"]])  # focus changed: the statushouders item leaves Mijn werk
    diensten.bijwerken(VANDAAG)
    assert set(diensten.open_meldingen(adviseur).values_list("sleutel", flat=True)) == {
        str(oekraine.pk),
        str(zonder.pk),
    }


@pytest.mark.django_db
def test_afmelden_voor_een_soort_en_geen_email(client, via_smtp, adviseur, maak_gebruiker):
    collega = maak_gebruiker("beleidsadviseur", username="collega")
    collega.email = "collega@example.org"
    collega.save()
    actie(date(2026, 11, 1))
    client.force_login(adviseur)
    pagina = client.get(reverse("herinneringen:voorkeuren"))
    assert "Actie over de geplande einddatum" in pagina.content.decode()
    andere = [c for c, s in registry.herinneringen().items() if "beleidsadviseur" in s.rollen and c != ACTIE]
    antwoord = client.post(reverse("herinneringen:voorkeuren"), {"bezorging": Bezorging.DIRECT, "ontvangen": andere})
    assert antwoord.status_code == 302
    assert Voorkeur.objects.get(gebruiker=adviseur).uitgeschakeld == [ACTIE]
    assert diensten.ronde(VANDAAG).verstuurd == 1
    assert [b["To"] for b in via_smtp.berichten] == ["collega@example.org"]
    assert not diensten.open_meldingen(adviseur).exists()
    # switched on again: on Mijn werk again, by e-mail once; 'geen': only on Mijn werk
    client.post(reverse("herinneringen:voorkeuren"), {"bezorging": Bezorging.GEEN, "ontvangen": [ACTIE, *andere]})
    assert diensten.ronde(VANDAAG).verstuurd == 0 and diensten.open_meldingen(adviseur).count() == 1
    client.post(reverse("herinneringen:voorkeuren"), {"bezorging": Bezorging.DIRECT, "ontvangen": [ACTIE, *andere]})
    assert diensten.ronde(VANDAAG).verstuurd == 1
    assert len(via_smtp.aan("adviseur@example.org")) == 1


@pytest.mark.django_db
def test_voorkeuren_met_ongeldige_invoer_geven_een_nederlandse_fout(client, adviseur):
    client.force_login(adviseur)
    antwoord = client.post(reverse("herinneringen:voorkeuren"), {"bezorging": "telefoon", "ontvangen": ["x.y"]})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Kies hoe u herinneringen wilt ontvangen." in html
    assert "Kies alleen uit de getoonde herinneringen." in html
    assert Voorkeur.objects.get(gebruiker=adviseur).bezorging == Bezorging.DIRECT


@pytest.mark.django_db
def test_weekoverzicht_per_doelgroep_met_samenvatting_voor_de_opgavemanager(via_smtp, manager, adviseur, doelgroepen):
    from rapportage.tests.factories import RapportFactory

    Voorkeur.objects.create(gebruiker=adviseur, bezorging=Bezorging.WEKELIJKS)
    actie(date(2026, 11, 1), doelgroepen["statushouders"], tekst="Woningen zoeken met corporaties")
    actie(date(2026, 11, 1), doelgroepen["oekraine"], tekst="Sociaal beheer aanbesteden")
    actie(date(2026, 11, 1), doelgroepen["oekraine"], doelgroepen["statushouders"], tekst="Taalcafé opzetten")
    rapport = RapportFactory(klaar_op=timezone.now() - timedelta(days=3))
    diensten.bijwerken(VANDAAG)
    assert diensten.verstuur_direct(VANDAAG) == 0  # both chose (or got by default) the weekly digest
    assert diensten.verstuur_overzichten(VANDAAG) == 2
    assert diensten.verstuur_overzichten(VANDAAG + timedelta(days=1)) == 0  # once per week
    assert Overzicht.objects.filter(week=date(2026, 11, 30)).count() == 2

    [voor_manager] = via_smtp.aan("manager@example.org")
    assert voor_manager["Subject"] == "Weekoverzicht herinneringen 30-11-2026 · Gemeente Noordwijk"
    tekst = voor_manager.get_body(("plain",)).get_content()
    koppen = [regel for regel in tekst.splitlines() if regel.startswith("== ")]
    assert koppen == [
        "== Statushouders ==",
        "== Oekraïense ontheemden ==",
        "== Programma, rapportages en meerdere doelgroepen ==",
    ]
    statushouders, oekraine, overig = tekst.split("== ")[1:4]
    assert "Woningen zoeken" in statushouders and "1 × Actie over de geplande einddatum" in statushouders
    assert "Sociaal beheer" in oekraine and "Woningen" not in oekraine
    assert "Taalcafé" in overig and str(rapport) in overig and "Conceptrapport wacht op definitief" in overig

    [voor_adviseur] = via_smtp.aan("adviseur@example.org")
    tekst = voor_adviseur.get_body(("plain",)).get_content()
    assert "Woningen zoeken" in tekst and "Open in het team" not in tekst and str(rapport) not in tekst
    assert not Melding.objects.filter(verstuurd_op=None).exists()  # in the digest counts as sent


@pytest.mark.django_db
def test_blijvend_geweigerde_ontvanger_blokkeert_de_rest_niet(via_smtp, adviseur, maak_gebruiker):
    collega = maak_gebruiker("beleidsadviseur", username="collega")
    collega.email = "bestaat-niet@example.org"
    collega.save()
    actie(date(2026, 11, 1))
    via_smtp.onbekend.add("bestaat-niet@example.org")
    assert diensten.ronde(VANDAAG).verstuurd == 1
    assert [b["To"] for b in via_smtp.berichten] == ["adviseur@example.org"]
    geweigerd = Melding.objects.get(gebruiker=collega)
    assert "550" in geweigerd.fout and geweigerd.verstuurd_op is None
    assert diensten.ronde(VANDAAG).verstuurd == 0  # not retried for ever


@pytest.mark.django_db
def test_mijn_werk_met_gezien_en_de_teller_in_de_kop(client, adviseur, maak_gebruiker):
    a = actie(timezone.localdate() - timedelta(days=3))
    andere = maak_gebruiker("beleidsadviseur", username="andere")
    client.force_login(adviseur)
    pagina = client.get(reverse("herinneringen:mijn_werk")).content.decode()
    assert a.get_absolute_url() in pagina and "1 open herinnering" in pagina
    assert '<span class="utrecht-badge-counter">1</span>' in pagina

    melding = Melding.objects.get(gebruiker=adviseur)
    client.post(reverse("herinneringen:mijn_werk"), {"melding": melding.pk, "gezien": "1"})
    pagina = client.get(reverse("herinneringen:mijn_werk")).content.decode()
    assert "Gezien, nog niet gedaan" in pagina and "0 open herinneringen" in pagina
    assert "utrecht-badge-counter" not in pagina
    client.post(reverse("herinneringen:mijn_werk"), {"melding": melding.pk})  # back to open
    assert Melding.objects.get(pk=melding.pk).gezien_op is None

    van_ander = diensten.bijwerken(timezone.localdate(), gebruikers=[andere]) and Melding.objects.get(gebruiker=andere)
    antwoord = client.post(reverse("herinneringen:mijn_werk"), {"melding": van_ander.pk, "gezien": "1"}, follow=True)
    assert "Deze herinnering bestaat niet (meer) of is niet van u." in antwoord.content.decode()
    assert Melding.objects.get(pk=van_ander.pk).gezien_op is None
    antwoord = client.post(reverse("herinneringen:mijn_werk"), {"melding": "abc"}, follow=True)
    assert antwoord.status_code == 200 and "bestaat niet (meer)" in antwoord.content.decode()


@pytest.mark.django_db
def test_de_teller_in_de_kop_kost_een_query_en_daarna_geen(client, adviseur):
    actie(timezone.localdate() - timedelta(days=3))
    diensten.bijwerken(timezone.localdate())
    client.force_login(adviseur)
    pad = reverse("kern:beheer")
    diensten.vergeet_kop([adviseur.pk])
    with CaptureQueriesContext(connection) as koud:
        client.get(pad)
    with CaptureQueriesContext(connection) as warm:
        assert '<span class="utrecht-badge-counter">1</span>' in client.get(pad).content.decode()
    tellingen = [q["sql"] for q in koud.captured_queries if "herinneringen_melding" in q["sql"]]
    assert len(tellingen) == 1 and "COUNT(" in tellingen[0]
    assert not [q for q in warm.captured_queries if "herinneringen_melding" in q["sql"]]


@pytest.mark.django_db
def test_raadpleger_en_beheerder_hebben_geen_mijn_werk(client, maak_gebruiker):
    for rol in ("raadpleger", "functioneel_beheerder"):
        client.force_login(maak_gebruiker(rol))
        assert client.get(reverse("herinneringen:mijn_werk")).status_code == 403
        assert client.post(reverse("herinneringen:voorkeuren"), {"bezorging": "geen"}).status_code == 403
        assert reverse("herinneringen:mijn_werk") not in client.get(reverse("kern:beheer")).content.decode()


@pytest.mark.django_db
def test_mijn_werk_verdwijnt_uit_de_kop_bij_het_volgende_verzoek_na_het_intrekken_van_de_rol(client, adviseur):
    pad, mijn_werk = reverse("kern:beheer"), reverse("herinneringen:mijn_werk")
    client.force_login(adviseur)
    assert mijn_werk in client.get(pad).content.decode()
    adviseur.groups.clear()
    assert mijn_werk not in client.get(pad).content.decode()


@pytest.mark.django_db
def test_functioneel_beheerder_stelt_de_focus_in(client, maak_gebruiker, adviseur, doelgroepen):
    from auditlog.models import LogEntry

    from noordwijk_migratie.roles import sync_rollen

    sync_rollen()
    beheerder = maak_gebruiker("functioneel_beheerder", username="beheerder")
    beheerder.is_staff = True
    beheerder.save()
    client.force_login(beheerder)
    url = reverse("admin:auth_user_change", args=[adviseur.pk])
    formulier = client.get(url)
    assert formulier.status_code == 200 and "Focus (doelgroepen)" in formulier.content.decode()
    data = {
        "username": adviseur.username,
        "email": adviseur.email,
        "first_name": adviseur.first_name,
        "last_name": "",
        "is_active": "on",
        "groups": [g.pk for g in adviseur.groups.all()],
        "date_joined_0": "01-01-2026",
        "date_joined_1": "09:00:00",
        "focus": [doelgroepen["statushouders"].pk],
    }
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert list(Profiel.objects.get(gebruiker=adviseur).focus.values_list("code", flat=True)) == ["statushouders"]
    assert LogEntry.objects.filter(actor=beheerder, content_type__model="profiel").exists()
    assert "Statushouders" in client.get(reverse("admin:auth_user_changelist")).content.decode()
    client.force_login(adviseur)
    assert "Uw focus: Statushouders" in client.get(reverse("herinneringen:mijn_werk")).content.decode()


def test_mijn_werk_zonder_wijziging_schrijft_en_evalueert_niets_opnieuw(client, maak_gebruiker, basisgegevens):
    """Issue 19: Mijn werk inserted every wanted reminder again (ignore_conflicts) and evaluated every kind
    over all data on each request (groot: 635 ms). Unchanged data: no write, no query of the kinds."""
    from datetime import timedelta

    from django.utils import timezone

    from programma.models import Actie
    from tests.queries import queries_van

    Actie.objects.filter(code="B1-3-01").update(gepland_eind=timezone.localdate() - timedelta(days=3))
    client.force_login(maak_gebruiker("opgavemanager"))
    eerst = queries_van(client, "/mijn-werk/")
    assert "B1-3-01" in eerst.response.content.decode()
    daarna = queries_van(client, "/mijn-werk/")
    assert daarna.response.content.decode().count("B1-3-01") == eerst.response.content.decode().count("B1-3-01")
    sql = [q["sql"] for q in daarna.queries]
    assert not [q for q in sql if q.startswith(("INSERT", "UPDATE"))], daarna.sql()
    assert not [q for q in sql if '"programma_actie"' in q], daarna.sql()


@pytest.mark.django_db
def test_mijn_werk_telt_per_soort_toont_de_eerste_tien_en_alle_gepagineerd(client, adviseur):
    """Issue 19: on groot Mijn werk listed all ~1,100 reminders. Now: the count per kind on top, per kind the
    first ten by date with "Toon alle", and one kind's page with all of them, fifty per page."""
    from herinneringen.views import PER_PAGINA, PER_SOORT

    vandaag = timezone.localdate()
    acties = [actie(vandaag - timedelta(days=100 - i), code=f"T-{i:03d}") for i in range(PER_PAGINA + 5)]
    client.force_login(adviseur)
    pad = reverse("herinneringen:mijn_werk")
    pagina = client.get(pad).content.decode()
    assert f"{PER_PAGINA + 5} open herinneringen" in pagina
    assert f"Toon alle {PER_PAGINA + 5}: Actie over de geplande einddatum" in pagina
    getoond = [a for a in acties if a.get_absolute_url() + '"' in pagina]
    assert getoond == acties[:PER_SOORT]  # the oldest first

    # seen ones are counted and listed apart, per kind as well
    client.post(pad, {"melding": Melding.objects.get(sleutel=str(acties[-1].pk)).pk, "gezien": "1"})
    pagina = client.get(pad).content.decode()
    assert f"{PER_PAGINA + 4} open herinneringen" in pagina and "Gezien, nog niet gedaan" in pagina

    alle = client.get(pad, {"soort": ACTIE}).content.decode()
    assert f"{PER_PAGINA + 4} open herinneringen" in alle
    assert [a for a in acties if a.get_absolute_url() + '"' in alle] == [*acties[:PER_PAGINA], acties[-1]]
    assert "open-page=2" in alle and "gezien-page=" not in alle  # the list's own paging, per table
    tweede = client.get(pad, {"soort": ACTIE, "open-page": 2}).content.decode()
    assert [a for a in acties if a.get_absolute_url() + '"' in tweede] == acties[PER_PAGINA:]
    laatste = client.get(pad, {"soort": ACTIE, "open-page": 9}).content.decode()  # beyond the end: the last page
    assert [a for a in acties if a.get_absolute_url() + '"' in laatste] == acties[PER_PAGINA:]
    # marking one seen on the second page returns there
    melding = Melding.objects.get(sleutel=str(acties[PER_PAGINA].pk))
    antwoord = client.post(f"{pad}?soort={ACTIE}&open-page=2", {"melding": melding.pk, "gezien": "1"})
    assert antwoord.status_code == 302 and antwoord["Location"] == f"{pad}?soort={ACTIE}&open-page=2"
    assert client.get(pad, {"soort": "bestaat.niet"}).status_code == 200  # an unknown kind: the overview


@pytest.mark.django_db
def test_mijn_werk_evalueert_alleen_de_soorten_die_de_gebruiker_ontvangt(adviseur, manager, monkeypatch):
    """A kind none of the given users receives is not evaluated (its items can cost a scan of the history);
    its open reminders are retired as before."""
    geroepen = []
    soorten = {
        **registry.herinneringen(),
        "test.alleen_beheer": Herinnering(
            "test.alleen_beheer", "Alleen beheer", lambda v: geroepen.append(v) or [], rollen=("functioneel_beheerder",)
        ),
    }
    monkeypatch.setattr(registry, "herinneringen", lambda: soorten)
    Melding.objects.create(
        soort="test.alleen_beheer", sleutel="1", moment=VANDAAG, gebruiker=adviseur, datum=VANDAAG, tekst="x", url="/"
    )
    diensten.bijwerken(VANDAAG, gebruikers=[adviseur, manager])
    assert geroepen == []
    assert Melding.objects.get(soort="test.alleen_beheer").vervallen_op is not None


def _melding_sql(telling) -> list[str]:
    return [q["sql"] for q in telling.captured_queries if "herinneringen_melding" in q["sql"]]


def _mijn_werk(client, capture) -> str:
    """Mijn werk as its user sees it, with its writes committed (what it wrote is remembered once they are)."""
    with capture(execute=True):
        return client.get(reverse("herinneringen:mijn_werk")).content.decode()


def _zet_status(a, status) -> None:
    a.status = status
    a.save()


@pytest.mark.django_db
def test_mijn_werk_leest_en_schrijft_de_herinneringen_niet_opnieuw_als_ze_gelijk_bleven(
    client, adviseur, django_capture_on_commit_callbacks
):
    """Issue 19: Mijn werk compared every wanted reminder with the database on each request (groot: ~1,100 rows
    read twice). Wanted reminders as last written: only the rows shown are read; a change is written."""
    a = actie(timezone.localdate() - timedelta(days=3))
    client.force_login(adviseur)
    pad = reverse("herinneringen:mijn_werk")
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as eerst:
        assert "1 open herinnering" in client.get(pad).content.decode()
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as daarna:
        assert "1 open herinnering" in client.get(pad).content.decode()
    assert len(_melding_sql(daarna)) == 1 < len(_melding_sql(eerst))  # the rows shown, nothing compared
    assert not [q for q in _melding_sql(daarna) if q.startswith(("INSERT", "UPDATE"))]

    _zet_status(a, ActieStatus.AFGEROND)  # work done: the reminder goes
    assert "0 open herinneringen" in _mijn_werk(client, django_capture_on_commit_callbacks)
    assert Melding.objects.get().vervallen_op is not None
    _zet_status(a, ActieStatus.LOOPT)  # undone: back
    assert "1 open herinnering" in _mijn_werk(client, django_capture_on_commit_callbacks)
    assert Melding.objects.get().vervallen_op is None


@pytest.mark.django_db
def test_een_door_de_controle_voor_het_versturen_ingetrokken_herinnering_komt_terug_in_mijn_werk(
    client, via_smtp, adviseur, django_capture_on_commit_callbacks
):
    """The state check before sending retires a reminder whose work is done; when the work is undone again, Mijn
    werk shows it again (what Mijn werk last wrote is no longer what the database holds)."""
    a = actie(timezone.localdate() - timedelta(days=3))
    client.force_login(adviseur)
    assert "1 open herinnering" in _mijn_werk(client, django_capture_on_commit_callbacks)
    _zet_status(a, ActieStatus.AFGEROND)
    assert diensten.verstuur_direct() == 0 and via_smtp.berichten == []
    assert Melding.objects.get().vervallen_op is not None  # retired by the state check, not by Mijn werk
    _zet_status(a, ActieStatus.LOOPT)
    assert "1 open herinnering" in _mijn_werk(client, django_capture_on_commit_callbacks)
    assert Melding.objects.get().vervallen_op is None


@pytest.mark.django_db
def test_mijn_werk_volgt_een_gewijzigde_focus_ook_als_de_gegevens_gelijk_bleven(
    client, adviseur, doelgroepen, django_capture_on_commit_callbacks
):
    """What Mijn werk last wrote is per user: a changed focus (no project data changed) shows on the next visit."""
    profiel = Profiel.objects.create(gebruiker=adviseur)
    profiel.focus.set([doelgroepen["statushouders"]])
    eind = timezone.localdate() - timedelta(days=3)
    statushouders, oekraine = actie(eind, doelgroepen["statushouders"]), actie(eind, doelgroepen["oekraine"])
    client.force_login(adviseur)
    pagina = _mijn_werk(client, django_capture_on_commit_callbacks)
    assert statushouders.get_absolute_url() + '"' in pagina and oekraine.get_absolute_url() + '"' not in pagina
    profiel.focus.set([doelgroepen["oekraine"]])
    pagina = _mijn_werk(client, django_capture_on_commit_callbacks)
    assert statushouders.get_absolute_url() + '"' not in pagina and oekraine.get_absolute_url() + '"' in pagina
