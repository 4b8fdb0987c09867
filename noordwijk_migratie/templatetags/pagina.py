"""``{% paginadeel "naam" %}…{% endpaginadeel %}``: a part of base.html that a view with
``paginacache.PaginaCacheMixin`` keeps rendered (see noordwijk_migratie/paginacache.py)."""

from django import template

from ..paginacache import DELEN, render_deel

register = template.Library()


class PaginadeelNode(template.Node):
    def __init__(self, naam, nodelist):
        self.naam, self.nodelist = naam, nodelist

    def render(self, context):
        return render_deel(self.naam, self.nodelist, context)


@register.tag
def paginadeel(parser, token):
    try:
        _tag, naam = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("{% paginadeel %} neemt één naam") from None
    naam = naam.strip("\"'")
    if naam not in DELEN:
        raise template.TemplateSyntaxError(f"{{% paginadeel %}}: onbekend deel {naam!r} (paginacache.DELEN)")
    nodelist = parser.parse(("endpaginadeel",))
    parser.delete_first_token()
    return PaginadeelNode(naam, nodelist)
