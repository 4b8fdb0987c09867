"""The charts of the statushouders app, each written once as a spec (plain JSON, see
``noordwijk_migratie.charts``) and drawn alike on the pages (``teken`` filter), the dashboard and in the
PDF. Each returns a list: empty when there is nothing to draw."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from noordwijk_migratie.charts import grafiek_staaf

from .rules import PeriodeResultaat, RegioVergelijking


def perioden(overzicht: Sequence[PeriodeResultaat], titel: str | None = None) -> list[dict]:
    """Gecorrigeerde taakstelling, realisatie and saldo eind per period (index page, dashboard panel,
    halfjaarrapportage); ``titel`` for a chart of part of the chain."""
    if not overzicht:
        return []
    return [
        grafiek_staaf(
            titel or _("Gecorrigeerde taakstelling, realisatie en saldo eind per periode"),
            [p.label for p in overzicht],
            {
                _("Gecorrigeerd"): [(p.label, p.gecorrigeerd) for p in overzicht],
                _("Realisatie"): [(p.label, p.realisatie) for p in overzicht],
                _("Saldo eind"): [(p.label, p.saldo_eind) for p in overzicht],
            },
            y_label=_("personen"),
        )
    ]


def regio(vergelijking: RegioVergelijking) -> list[dict]:
    """Percentage of the gecorrigeerde taakstelling realised per gemeente, with the subregional average
    (regiovergelijking page and halfjaarrapportage)."""
    rijen = [r for r in vergelijking.rijen if r.pct_gerealiseerd is not None]
    if not rijen:
        return []
    gemiddeld = vergelijking.subregio_gemiddeld_pct
    return [
        grafiek_staaf(
            _("Percentage van de gecorrigeerde taakstelling gerealiseerd, %(periode)s")
            % {"periode": vergelijking.periode},
            [r.gemeente for r in rijen],
            {_("% gerealiseerd"): [(r.gemeente, r.pct_gerealiseerd) for r in rijen]},
            y_label="%",
            referentielijnen=[(_("gemiddelde Duin- en Bollenstreek"), gemiddeld)] if gemiddeld is not None else (),
        )
    ]
