from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm

from .models import Bevinding, Contactpersoon, Partner, Sessie, Thema, ThemaStatus, Vervolgactie
from .rules import niet_uitgenodigd

VINKJES = {"class": "nw-checkboxes"}


class PartnerForm(BaseModelForm):
    class Meta:
        model = Partner
        fields = ("naam", "categorie", "omschrijving", "uit_bestuursopdracht", "actief")


class ContactpersoonForm(BaseModelForm):
    class Meta:
        model = Contactpersoon
        fields = ("partner", "naam", "rol", "email")


class ThemaForm(BaseModelForm):
    class Meta:
        model = Thema
        fields = (
            "titel",
            "toelichting",
            "voorgesteld_door_partner",
            "voorgesteld_op",
            "prioriteit",
            "stemmen",
            "status",
        )


class SessieForm(BaseModelForm):
    class Meta:
        model = Sessie
        fields = ("titel", "datum", "plaats", "themas", "uitgenodigd", "aanwezig", "samenvatting")
        widgets = {
            "themas": forms.CheckboxSelectMultiple(attrs=VINKJES),
            "uitgenodigd": forms.CheckboxSelectMultiple(attrs=VINKJES),
            "aanwezig": forms.CheckboxSelectMultiple(attrs=VINKJES),
        }

    def clean(self):
        cleaned = super().clean()
        uitgenodigd = set(cleaned.get("uitgenodigd") or [])
        aanwezig = set(cleaned.get("aanwezig") or [])
        if niet := niet_uitgenodigd(uitgenodigd, aanwezig):
            self.add_error(
                "aanwezig",
                _(
                    "Niet uitgenodigd: %(namen)s. Vink deze partner ook aan bij de uitgenodigde partners als hij "
                    "alsnog is toegevoegd."
                )
                % {"namen": ", ".join(sorted(p.naam for p in niet))},
            )
        return cleaned

    def save(self, commit=True):
        sessie = super().save(commit)
        if commit:
            for thema in sessie.themas.filter(status=ThemaStatus.VOORGESTELD):
                thema.status = ThemaStatus.GEKOZEN
                thema.save(update_fields=["status"])
        return sessie


class BevindingForm(BaseModelForm):
    class Meta:
        model = Bevinding
        fields = ("sessie", "invalshoek", "perspectief", "knelpunten", "uitdagingen", "oplossingen")


class VervolgactieForm(BaseModelForm):
    class Meta:
        model = Vervolgactie
        fields = ("sessie", "omschrijving", "eigenaar", "deadline", "status", "afgerond_op", "actie", "programmalijn")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actie"].queryset = self.fields["actie"].queryset.select_related("programmalijn")
