"""The COA koppelreferentie is a reference, never a name, BSN or other personal data."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.nl import bsn

# Letters, digits and - _ / . (the synthetic test data's "[SYNTHETISCH]-000001" uses brackets), no
# spaces, at least one digit: a reference of only letters cannot be told apart from a surname.
REFERENTIE = re.compile(r"(?=.*\d)[A-Za-z0-9\[\]._/-]+")
# A run of digits as a BSN is written: 123456782, 1234.56.782 or 123 456 782.
CIJFERS = re.compile(r"\d+(?:[ .]\d+)*")
# Only letters (any script), spaces and the characters of names such as "O'Brien-de Vries".
NAAMACHTIG = re.compile(r"[^\W\d_]+(?:[ '’.-]+[^\W\d_]+)*\.?")


def persoonsgegeven_in_referentie(waarde: str) -> str | None:
    """The Dutch reason why ``waarde`` looks like personal data (a valid BSN, a name), else None."""
    for groep in CIJFERS.findall(waarde):
        cijfers = re.sub(r"[ .]", "", groep)
        if len(cijfers) == 9 and bsn.is_valid(cijfers):
            # the number is not repeated: error messages may be kept (import results)
            return _(
                "Dit lijkt een BSN (het getal voldoet aan de elfproef). Vul geen BSN, namen of V-nummers "
                "in, alleen de koppelreferentie van het COA."
            )
    if NAAMACHTIG.fullmatch(waarde.strip()):
        return _(
            "Dit lijkt een naam. Vul geen namen in, alleen de koppelreferentie van het COA (letters en "
            "cijfers, met minstens één cijfer, bijvoorbeeld KOP-2025-0042)."
        )
    return None


def valideer_coa_referentie(waarde: str) -> None:
    reden = persoonsgegeven_in_referentie(waarde)
    if reden:
        raise ValidationError(reden, code="persoonsgegeven")
    if not REFERENTIE.fullmatch(waarde):
        raise ValidationError(
            _(
                "Een COA-koppelreferentie bestaat uit letters, cijfers en de tekens - _ / . zonder spaties, "
                "met minstens één cijfer (bijvoorbeeld KOP-2025-0042)."
            ),
            code="ongeldig",
        )
