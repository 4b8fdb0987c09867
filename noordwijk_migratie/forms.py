"""Form base classes: HTML5 date inputs, NL Design System classes, optimistic locking."""

import datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class BaseModelForm(forms.ModelForm):
    """All edit forms derive from this: date widgets and the Utrecht form-control classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stijl_velden(self)


class _Keuzes(forms.models.ModelChoiceIterator):
    def __init__(self, field, queryset):
        super().__init__(field)
        self.queryset = queryset


def begrens_lange_keuzelijsten(form):
    """A foreign key to a model with ``keuzelijst_nieuwste = n`` (a table that grows for years, such as
    placements) offers only the newest n plus the current value, so the page stays light. Any existing
    object is still accepted: validation uses the field's whole queryset. Applied by the generic edit view
    once the form is complete (a form may set its own querysets in ``__init__``)."""
    for naam, field in form.fields.items():
        n = getattr(getattr(getattr(field, "queryset", None), "model", None), "keuzelijst_nieuwste", None)
        if not n or isinstance(field, forms.ModelMultipleChoiceField):
            continue
        queryset = field.queryset
        if not queryset.order_by().values("pk")[n : n + 1].exists():
            continue
        uitleg = _("De lijst toont de %(n)s nieuwste; een oudere kiest u vanaf de pagina van die %(item)s.") % {
            "n": n,
            "item": queryset.model._meta.verbose_name,
        }
        field.help_text = f"{field.help_text} {uitleg}".strip()
        huidig = str(form[naam].value() or "")  # after the help text: the bound field copies it
        nieuwste = queryset.order_by("-pk").values("pk")[:n]
        # isdecimal, not isdigit: '²' is a digit that int() refuses
        keuzes = queryset.filter(Q(pk__in=nieuwste) | Q(pk=int(huidig) if huidig.isdecimal() else None))
        field.widget.choices = _Keuzes(field, keuzes)


def stijl_velden(form):
    """HTML5 date inputs and the Utrecht form-control classes, for edit and filter forms alike."""
    for field in form.fields.values():
        if isinstance(field, forms.DateField) and not isinstance(field.widget, forms.HiddenInput):
            field.widget = DatumInput(attrs=field.widget.attrs)
            field.input_formats = ["%Y-%m-%d", "%d-%m-%Y"]
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "utrecht-textarea utrecht-textarea--html-textarea")
            widget.attrs.setdefault("rows", 4)
        elif not isinstance(widget, forms.HiddenInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")


class VersieFormMixin(forms.Form):
    """Carries the version an edit started from; the generic edit view refuses stale saves."""

    geladen_versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["geladen_versie"].initial = instance.versie


VERSIE_CONFLICT = _(
    "Deze gegevens zijn gewijzigd door {gebruiker} nadat u het formulier opende. Uw wijzigingen "
    "zijn niet opgeslagen, zodat niets ongemerkt wordt overschreven. Open het formulier opnieuw "
    "om de actuele gegevens te zien en voer uw wijziging daarna opnieuw in."
)


class JaNeeVeld(forms.TypedChoiceField):
    """Import column with the values ja/nee (empty = nee)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            choices=[("", "—"), ("ja", _("ja")), ("nee", _("nee"))],
            coerce=lambda v: v == "ja",
            empty_value=False,
            **kwargs,
        )

    def to_python(self, value):
        return super().to_python((value or "").strip().lower())


# Every date read from the query string lies in this range: the arithmetic behind a page (a year back, ten
# weeks ahead) cannot overflow, and a typo such as 0202-07-01 is an error instead of an empty overview.
DATUM_MIN = datetime.date(2000, 1, 1)
DATUM_MAX = datetime.date(2100, 12, 31)


class QueryDatumVeld(forms.DateField):
    """A date from the query string (a peildatum, the date of a count): jjjj-mm-dd or dd-mm-jjjj between
    DATUM_MIN and DATUM_MAX, else a Dutch error. Empty is allowed: the view then uses its default."""

    def __init__(self, **kwargs):
        attrs = {"class": "utrecht-textbox utrecht-textbox--html-input", "min": f"{DATUM_MIN}", "max": f"{DATUM_MAX}"}
        kwargs.setdefault("required", False)
        super().__init__(input_formats=["%Y-%m-%d", "%d-%m-%Y"], widget=DatumInput(attrs=attrs), **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not DATUM_MIN <= value <= DATUM_MAX:
            raise forms.ValidationError(
                _("Kies een datum tussen %(min)s en %(max)s."),
                code="buiten_bereik",
                params={"min": f"{DATUM_MIN:%d-%m-%Y}", "max": f"{DATUM_MAX:%d-%m-%Y}"},
            )


class PeildatumForm(forms.Form):
    """ "Show the figures as they were on date X" (dashboard, overviews): ``?peildatum=``."""

    peildatum = QueryDatumVeld(label=_("Peildatum"))
