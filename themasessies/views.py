from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic


class IndexView(generic.AppIndexView):
    titel = _("Themasessies")
    inleiding = _("Partners, thema-inventarisatie, themasessies en vervolgacties.")
    secties = ()
