from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic


class IndexView(generic.AppIndexView):
    titel = _("Internationale werknemers")
    inleiding = _("Beleidsplan en actielijnen, huisvestingsinitiatieven en toetsingskader, pilots, woonkwaliteit en inschrijvingen RNI/BRP.")
    secties = ()
