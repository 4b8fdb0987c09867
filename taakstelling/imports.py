"""CSV/XLSX imports: all-or-nothing, per-row Dutch errors, idempotent on a natural key.

Plaatsingen use the natural key koppeldatum + samenstelling + volgnummer (volgnummer 1, 2, … per
koppeldatum and samenstelling): re-importing the same file updates those households instead of
adding duplicates. The optional COA koppelreferentie may be imported but is never exported.
"""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import JaNeeVeld
from noordwijk_migratie.imports import Importer, ImportFout, log_wijzigingen, validatiefouten
from noordwijk_migratie.models import Corporatie, Gemeente

from . import afsluiting, rules
from .models import CoaStand, Nareiziger, Periode, Plaatsing, RegioCijfer
from .tables import CoaStandTable, PlaatsingTable, RegioCijferTable

# the columns of a row that decide when and how many persons count (a refusal names those that changed)
TELVELDEN = ("datum_gehuisvest", "volwassenen", "minderjarigen", "beeindiging")


def _datum(label, verplicht=False, help_text=""):
    return forms.DateField(
        label=label,
        required=verplicht,
        help_text=help_text or _("%(label)s (jjjj-mm-dd of dd-mm-jjjj)") % {"label": label},
    )


def _keuze_hulp(label, keuzes):
    return _("%(label)s: %(codes)s") % {"label": label, "codes": ", ".join(code for code, _n in keuzes)}


def _periode_veld():
    return forms.ModelChoiceField(
        Periode.objects.all(),
        to_field_name="label",
        label=_("periode"),
        help_text=_("Periode zoals 2025-H1, 2025-H2 of (historisch) 2024"),
        error_messages={"invalid_choice": _("Onbekende periode %(value)s; voer de periode eerst in.")},
    )


class PlaatsingImportForm(forms.Form):
    koppeldatum = _datum(_("Koppeldatum COA"), verplicht=True)
    samenstelling = forms.ChoiceField(choices=Plaatsing._meta.get_field("samenstelling").choices)
    volgnummer = forms.IntegerField(
        min_value=1, help_text=_("Volgnummer 1, 2, … binnen dezelfde koppeldatum en samenstelling")
    )
    volwassenen = forms.IntegerField(min_value=0)
    minderjarigen = forms.IntegerField(min_value=0, required=False)
    groot_huishouden_bevestigd = JaNeeVeld(
        help_text=_("ja als een huishouden van meer dan 15 personen echt zo groot is (leeg = nee)")
    )
    verwachte_nareizigers = forms.IntegerField(min_value=0, required=False)
    woonvorm = forms.ChoiceField(choices=[("", "—"), *Plaatsing._meta.get_field("woonvorm").choices], required=False)
    corporatie = forms.ModelChoiceField(
        Corporatie.objects.all(),
        to_field_name="naam",
        required=False,
        help_text=_("Naam van de corporatie, zoals onder Beheer › Corporaties"),
        error_messages={
            "invalid_choice": _(
                "Onbekende corporatie; de functioneel beheerder voegt haar toe onder Beheer › Corporaties."
            )
        },
    )
    datum_woning_aangeboden = _datum(_("Woning aangeboden op"))
    datum_huurovereenkomst = _datum(_("Ingang huurovereenkomst"))
    datum_gehuisvest = _datum(_("Gehuisvest op (telmoment)"))
    beeindiging = forms.ChoiceField(
        choices=[("", "—"), *Plaatsing._meta.get_field("beeindiging").choices], required=False
    )
    datum_beeindigd = _datum(_("Beëindigd op"))
    reden_beeindiging = forms.CharField(required=False, help_text=_("Reden van ontkoppeling of annulering"))
    coa_referentie = forms.CharField(
        max_length=50, required=False, help_text=_("COA-koppelreferentie (optioneel; wordt nooit geëxporteerd)")
    )
    reden_correctie = forms.CharField(
        required=False,
        help_text=_(
            "Alleen als de rij de cijfers van een afgesloten periode verandert (alleen de opgavemanager): de reden "
            "van die correctie na afsluiten"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["samenstelling"].help_text = _keuze_hulp(_("Samenstelling"), self.fields["samenstelling"].choices)
        self.fields["woonvorm"].help_text = _keuze_hulp(_("Woonvorm"), self.fields["woonvorm"].choices[1:])
        self.fields["beeindiging"].help_text = _keuze_hulp(_("Beëindiging"), self.fields["beeindiging"].choices[1:])
        for naam in ("volwassenen", "minderjarigen", "verwachte_nareizigers"):
            self.fields[naam].help_text = _("Aantal %(wie)s") % {"wie": naam.replace("_", " ")}

    def clean(self):
        cleaned = super().clean()
        for naam in ("minderjarigen", "verwachte_nareizigers"):
            if cleaned.get(naam) is None:
                cleaned[naam] = 0
        return cleaned


class PlaatsingImporter(Importer):
    model = Plaatsing
    form_class = PlaatsingImportForm
    tabel = PlaatsingTable
    sleutelvelden = ("koppeldatum", "samenstelling", "volgnummer")
    titel = _("Plaatsingen importeren")

    def opslaan_alles(self, schoon, resultaat):
        """All rows in a few queries: the existing natural keys and COA references are read once, every
        row is validated in Python exactly as the form does (field validation and the model's clean(),
        which checks the CheckConstraint too; the two unique constraints against the keys read), then
        new rows go in with one bulk_create and changed rows with one bulk_update. Bulk writes bypass
        ``Plaatsing.save()`` and the post_save receivers, so this method does what they do: the status
        is derived as in save(), ``versie`` goes up on a change (a form opened before the import is then
        refused as stale), and the audit trail is written with :func:`log_wijzigingen`; the dashboard
        cache is bumped once by ``Importer.importeer``. Unchanged rows are counted as ongewijzigd and
        not written (no audit entry, same ``versie``). A row that changes a closed period's figures is
        checked as the form does (:mod:`taakstelling.afsluiting`: refused without the right, with it only
        with a ``reden_correctie``), against the periods and nareizigers read once."""
        sleutels, referenties = {}, {}
        for pk, koppel, samenstelling, nr, ref in Plaatsing.objects.values_list(
            "pk", "koppeldatum", "samenstelling", "volgnummer", "coa_referentie"
        ):
            sleutels[koppel, samenstelling, nr] = pk
            if ref:
                referenties[ref] = pk
        codes = [(w["koppeldatum"], w["samenstelling"], w["volgnummer"]) for _n, w in schoon]
        bestaand = {p.pk: p for p in Plaatsing.objects.filter(pk__in=[sleutels[c] for c in codes if c in sleutels])}
        nareizigers = {}
        if bestaand:
            for pk, dag, aantal in Nareiziger.objects.filter(plaatsing__in=bestaand).values_list(
                "plaatsing_id", "datum", "aantal"
            ):
                nareizigers.setdefault(pk, []).append((dag, aantal))
        toets = afsluiting.Toets()
        nieuw, gewijzigd, correcties = [], [], []
        for (nummer, waarden), code in zip(schoon, codes, strict=True):
            waarden = dict(waarden)
            reden = waarden.pop(afsluiting.REDEN_VELD, "")
            pk = sleutels.get(code)
            if pk is None:
                oud, obj = None, Plaatsing(**waarden)
            else:
                oud = bestaand[pk]
                obj = copy.copy(oud)
                for k, v in waarden.items():
                    setattr(obj, k, v)
            # a new row is exactly what Importer.valideer already checked against the model's rules
            # (regelfouten); a changed row is checked again as it will be stored, with its other fields
            if oud is not None:
                try:
                    # a reference the form found is known to exist: no query per row to check it again
                    gevonden = [k for k, v in waarden.items() if hasattr(v, "_meta")]
                    obj.full_clean(exclude=gevonden, validate_unique=False, validate_constraints=False)
                except ValidationError as exc:
                    resultaat.fouten.extend(validatiefouten(nummer, exc))
                    continue
            geraakt = toets.plaatsing(oud, obj, nareizigers.get(pk, []))
            fout = afsluiting.weigering(self.door, geraakt, reden)
            if fout is not None:
                kolommen = [k for k in TELVELDEN if oud is None or getattr(oud, k) != getattr(obj, k)]
                kolom = afsluiting.REDEN_VELD if hasattr(fout, "error_dict") else ", ".join(kolommen) or "—"
                resultaat.fouten.extend(ImportFout(nummer, kolom, m) for m in fout.messages)
                continue
            if geraakt:
                afsluiting.markeer(obj, geraakt, reden)
                correcties.append((geraakt, reden, obj, _("toegevoegd") if oud is None else _("gewijzigd")))
            ref = obj.coa_referentie
            eigen = pk if pk is not None else ("rij", nummer)
            if ref and referenties.get(ref, eigen) != eigen:
                resultaat.fouten.append(
                    ImportFout(
                        nummer, "coa_referentie", str(_("Deze COA-koppelreferentie hoort al bij een andere plaatsing."))
                    )
                )
                continue
            if (
                oud is not None
                and oud.coa_referentie
                and oud.coa_referentie != ref
                and referenties.get(oud.coa_referentie) == eigen
            ):
                del referenties[oud.coa_referentie]
            if ref:
                referenties[ref] = eigen
            # as Plaatsing.save(); volgnummer is a required import column, so it is never numbered here
            obj.status = rules.plaatsing_status(
                obj.datum_woning_aangeboden, obj.datum_huurovereenkomst, obj.datum_gehuisvest, obj.beeindiging
            )
            if oud is None:
                nieuw.append(obj)
                resultaat.aangemaakt += 1
                continue
            if any(getattr(oud, f.attname) != getattr(obj, f.attname) for f in Plaatsing._meta.concrete_fields):
                resultaat.bijgewerkt += 1
                obj.versie = oud.versie + 1
                gewijzigd.append((oud, obj))
            else:
                resultaat.ongewijzigd += 1
        if resultaat.fouten:
            return
        if gewijzigd:
            velden = [
                f.name
                for f in Plaatsing._meta.concrete_fields
                if not f.primary_key and any(getattr(o, f.attname) != getattr(n, f.attname) for o, n in gewijzigd)
            ]
            Plaatsing.objects.bulk_update([n for _o, n in gewijzigd], velden, batch_size=1000)
        Plaatsing.objects.bulk_create(nieuw, batch_size=1000)
        log_wijzigingen([*gewijzigd, *((None, obj) for obj in nieuw)], self.door)
        for geraakt, reden, obj, actie in correcties:
            afsluiting.leg_vast(
                self.door, geraakt, reden, _("%(obj)s %(actie)s (import)") % {"obj": obj, "actie": actie}
            )


class CoaStandImportForm(forms.Form):
    periode = _periode_veld()
    maand = forms.DateField(
        input_formats=lazy(lambda: [*formats.get_format("DATE_INPUT_FORMATS"), "%Y-%m", "%m-%Y"], list)(),
        help_text=_("Maand van de stand (jjjj-mm of een datum in die maand)"),
    )
    realisatie_cumulatief = forms.IntegerField(
        min_value=0, help_text=_("Realisatie volgens COA, cumulatief in de periode")
    )
    toelichting = forms.CharField(max_length=200, required=False, help_text=_("Toelichting (optioneel)"))

    def clean_maand(self):
        return self.cleaned_data["maand"].replace(day=1)


class CoaStandImporter(Importer):
    model = CoaStand
    form_class = CoaStandImportForm
    tabel = CoaStandTable
    sleutelvelden = ("periode", "maand")
    titel = _("COA-standen importeren")


class RegioCijferImportForm(forms.Form):
    cbs_code = forms.ModelChoiceField(
        Gemeente.objects.all(),
        to_field_name="cbs_code",
        help_text=_("CBS-code van de gemeente, bijv. GM0575"),
        error_messages={
            "invalid_choice": _("Onbekende CBS-code %(value)s; alleen de gemeenten uit Beheer zijn toegestaan.")
        },
    )
    periode = _periode_veld()
    netto_taakstelling = forms.IntegerField(min_value=0, help_text=_("Netto taakstelling van de periode"))
    realisatie = forms.IntegerField(min_value=0, help_text=_("Gehuisveste personen in de periode"))
    saldo_eind = forms.IntegerField(help_text=_("Saldo eind (voorsprong positief, achterstand negatief)"))
    inwoners = forms.IntegerField(min_value=1, help_text=_("Aantal inwoners"))
    bron = forms.CharField(max_length=200, required=False, help_text=_("Bron (optioneel)"))


class RegioCijferImporter(Importer):
    model = RegioCijfer
    form_class = RegioCijferImportForm
    tabel = RegioCijferTable
    sleutelvelden = ("cbs_code", "periode")
    titel = _("Regiocijfers importeren")

    def model_waarden(self, waarden):
        waarden = dict(waarden)
        waarden["gemeente"] = waarden.pop("cbs_code", None)
        return waarden

    def sleutel(self, waarden):
        return {"gemeente": waarden["gemeente"], "periode": waarden["periode"]}

    def opslaan(self, waarden):
        return super().opslaan(self.model_waarden(waarden))
