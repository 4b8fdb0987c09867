"""One generic list/detail/edit/delete machinery, reused by every app (after NetBox).

A concrete list view is a few lines::

    class GemeenteListView(ObjectListView):
        model = Gemeente
        table_class = GemeenteTable
        filterset_class = GemeenteFilterSet

and one that sets nothing else needs no class: ``crud_urls(Gemeente, "gemeenten", table=GemeenteTable,
filterset=GemeenteFilterSet)``.

Permissions follow the model: ``<app>.view_<model>`` for lists and details, ``add``/``change``/
``delete`` for the edit views. URL names follow ``<app>:<model>_<list|detail|add|edit|delete>``.
"""

import contextlib
import hashlib

from auditlog.models import LogEntry
from django import forms
from django.apps import apps as django_apps
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import EmptyResultSet, ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.forms import modelform_factory
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, path, resolve, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import generic
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.data import TableQuerysetData
from django_tables2.export import ExportMixin

from . import historie, registry
from .cache import CACHE_SECONDEN, data_versie, gecachet, is_projectdata
from .exports import NederlandseTableExport
from .filtersets import ja_nee_filters, keuzes_uit_cache
from .forms import (
    VERSIE_CONFLICT,
    BaseModelForm,
    PeildatumForm,
    VersieFormMixin,
    begrens_lange_keuzelijsten,
    stijl_velden,
)
from .getallen import is_jaar
from .imports import SYNCHROON_MAX_RIJEN, ImportBestandFout, Importer, ImportResultaat, controleer, start_importtaak
from .models import ImportTaak

MAX_PER_PAGINA = 100


def model_url(model, actie: str, *args) -> str | None:
    try:
        return reverse(f"{model._meta.app_label}:{model._meta.model_name}_{actie}", args=args)
    except NoReverseMatch:
        return None


def crud_urls(
    model,
    prefix: str,
    *,
    list=None,
    table=None,
    filterset=None,
    form=None,
    edit=None,
    add=None,
    detail=None,
    delete=None,
    importer=None,
    initieel=(),
):
    """URL patterns for the pages of one model, named ``<model>_<list|add|detail|edit|delete|import>``.

    ``list``: the list view (a subclass of :class:`ObjectListView`); ``table``, ``filterset``: its table and
    filterset (with no ``list``: an :class:`ObjectListView` of them); ``form``: the form of the add and edit
    pages; ``edit``: an edit view of your own (with ``form``: showing that form); ``add``: another view for
    adding, ``False`` for none;
    ``detail``: the detail view (default :class:`ObjectDetailView`; ``False`` for none); ``delete``:
    ``True`` for the generic confirmation page or a view of your own; ``importer``: an
    :class:`~noordwijk_migratie.imports.Importer`, which adds the upload page and its link on the list;
    ``initieel``: fields the add page fills in from the query string (``?locatie=3``, see ``initieel_uit_query``)."""
    name = model._meta.model_name
    edit_kwargs = {"model": model}
    if form is not None:
        edit = edit or ObjectEditView
        edit_kwargs["form_class"] = form
    if initieel:
        if not issubclass(edit, InitieelUitQueryMixin):
            edit = type(edit.__name__, (InitieelUitQueryMixin, edit), {})
        edit_kwargs["initieel_uit_query"] = tuple(initieel)
    lijst_kwargs = {"model": model}
    for attribuut, waarde in (("table_class", table), ("filterset_class", filterset)):
        if waarde is not None:
            list = list or ObjectListView
            lijst_kwargs[attribuut] = waarde
    if importer is not None:
        lijst_kwargs["import_url_name"] = f"{model._meta.app_label}:{name}_import"
    views = (
        ("list", list, lijst_kwargs, f"{prefix}/"),
        ("import", importer and ImportView, {"importer_class": importer}, f"{prefix}/importeren/"),
        ("add", edit if add is None else add, edit_kwargs if add is None else {"model": model}, f"{prefix}/nieuw/"),
        ("detail", ObjectDetailView if detail is None else detail, {"model": model}, f"{prefix}/<int:pk>/"),
        ("edit", edit, edit_kwargs, f"{prefix}/<int:pk>/wijzigen/"),
        ("delete", ObjectDeleteView if delete is True else delete, {"model": model}, f"{prefix}/<int:pk>/verwijderen/"),
    )
    return [path(route, view.as_view(**kwargs), name=f"{name}_{actie}") for actie, view, kwargs, route in views if view]


class ObjectPermissionMixin(PermissionRequiredMixin):
    """Requires ``<app>.<action>_<model>``; logged-in users without it get 403."""

    permission_action = "view"
    raise_exception = True

    def get_permission_required(self):
        if self.permission_required:
            return super().get_permission_required()
        opts = self.model._meta
        return (f"{opts.app_label}.{self.permission_action}_{opts.model_name}",)

    def heeft_recht(self, actie):
        opts = self.model._meta
        return self.request.user.has_perm(f"{opts.app_label}.{actie}_{opts.model_name}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        context["lijst_url"] = model_url(self.model, "list")
        context["nieuw_url"] = model_url(self.model, "add") if self.heeft_recht("add") else None
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context

    def get_breadcrumbs(self):
        opts = self.model._meta
        crumbs = []
        with contextlib.suppress(NoReverseMatch):
            crumbs.append((opts.app_config.verbose_name, reverse(f"{opts.app_label}:index")))
        lijst = model_url(self.model, "list")
        if lijst:
            label = opts.verbose_name_plural.capitalize()
            if crumbs and crumbs[-1][0] == label:
                crumbs.pop()  # the app and its list share a name (Themasessies): the list, once; the app is in the menu
            crumbs.append((label, lijst))
        return crumbs


class TellingUitCachePaginator(Paginator):
    """The list's ``COUNT(*)`` (the paginator's, on every request) cached under the data version, keyed by
    the query itself: any change of project data, or another filter, sort or user, counts again."""

    def __init__(self, object_list, per_page, *, queryset, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.queryset = queryset

    @cached_property
    def count(self):
        try:
            sql, params = self.queryset.query.sql_with_params()
        except EmptyResultSet:  # a filter that matches nothing by construction: counting costs no query
            return len(self.object_list)
        sleutel = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        return gecachet("lijst-aantal", (sleutel,), lambda: len(self.object_list))


def pagineer(table, request, per_page: int, **kwargs):
    """Page ``table`` at the page its query parameter asks for (``?page=``, or ``?<prefix>page=``): a number
    that is not one gives the first page, one past the end the last."""
    try:
        pagina = max(int(request.GET.get(table.prefixed_page_field, 1)), 1)
    except ValueError:
        pagina = 1
    try:
        table.paginate(per_page=per_page, page=pagina, **kwargs)
    except EmptyPage:
        table.paginate(per_page=per_page, page=table.paginator.num_pages, **kwargs)
    return table


class ObjectListView(ObjectPermissionMixin, ExportMixin, SingleTableMixin, FilterView):
    """Filterset + filter form + sortable, paginated table + htmx partial + CSV/XLSX export."""

    template_name = "generic/object_list.html"
    partial_template_name = "generic/object_list_results.html"
    export_class = NederlandseTableExport
    export_formats = ("csv", "xlsx")
    export_trigger_param = "export"
    per_pagina = 25  # default page size (?per_page=…, at most MAX_PER_PAGINA); the table paginates, not the view
    filterset_fields = ()
    import_url_name = None
    titel = None

    def get(self, request, *args, **kwargs):
        if self.filterset_class is None and not self.filterset_fields:
            self.filterset = None
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data(filter=None, object_list=self.object_list))
        return super().get(request, *args, **kwargs)

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        ja_nee_filters(filterset.form)
        keuzes_uit_cache(filterset.form)
        stijl_velden(filterset.form)
        return filterset

    def get_table_pagination(self, table):
        return False  # paginated in get_table, with the page size capped

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        if isinstance(table.data, TableQuerysetData):
            # stable pages: whatever the sort column, equal values are ordered by pk
            queryset = table.data.data
            volgorde = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
            if not {"pk", "-pk", "id", "-id"} & {str(v) for v in volgorde}:
                table.data.data = queryset.order_by(*volgorde, "pk")
        try:
            per_page = min(max(int(self.request.GET.get("per_page", self.per_pagina)), 1), MAX_PER_PAGINA)
        except ValueError:
            per_page = self.per_pagina
        teller = {}
        if isinstance(table.data, TableQuerysetData) and is_projectdata(table.data.data.model):
            teller = {"paginator_class": TellingUitCachePaginator, "queryset": table.data.data}
        return pagineer(table, self.request, per_page, **teller)

    def get_export_filename(self, export_format):
        return f"{self.model._meta.model_name}-{timezone.localdate():%Y%m%d}.{export_format}"

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.partial_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = self.titel or self.model._meta.verbose_name_plural.capitalize()
        context["breadcrumbs"] = context["breadcrumbs"][:-1]
        # The rendered rows are the same for everyone who may see the list and its columns (a column can
        # depend on a permission): kept per address (filter, sort, page), columns, day (deadline signals)
        # and language until any project data changes. Only for project models: the version follows
        # their changes (not e.g. a report's status or the audit log).
        if is_projectdata(self.model):
            kolommen = ",".join(kolom.name for kolom in context["table"].columns)
            context["tabel_sleutel"] = ":".join(
                [
                    str(data_versie()),
                    timezone.localdate().isoformat(),
                    get_language(),
                    kolommen,
                    self.request.get_full_path(),
                ]
            )
            context["tabel_cache_seconden"] = CACHE_SECONDEN
        if self.import_url_name and self.heeft_recht("add"):
            context["import_url"] = reverse(self.import_url_name)
        return context


class ObjectDetailView(ObjectPermissionMixin, generic.DetailView):
    """Shows the object's fields (or ``velden``), its related lists and its audit trail."""

    template_name = "generic/object_detail.html"
    velden: tuple[str, ...] = ()

    def get_queryset(self):
        # the foreign keys the page shows come in the same query
        relaties = [f.name for f in self.model._meta.concrete_fields if f.is_relation]
        queryset = super().get_queryset()
        return queryset.select_related(*relaties) if relaties else queryset

    def get_template_names(self):
        opts = self.model._meta
        return [f"{opts.app_label}/{opts.model_name}_detail.html", self.template_name]

    def get_velden(self):
        obj = self.object
        namen = self.velden or [f.name for f in obj._meta.concrete_fields if f.name not in ("id", "versie")]
        rijen = []
        for naam in namen:
            field = obj._meta.get_field(naam)
            display = getattr(obj, f"get_{naam}_display", None)
            waarde = display() if display else getattr(obj, naam)
            if waarde is not None and is_jaar(field):
                waarde = str(waarde)  # 2026, not 2.026
            rijen.append((field.verbose_name, waarde))
        return rijen

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        context["titel"] = str(obj)
        context["velden"] = self.get_velden()
        context["wijzig_url"] = model_url(self.model, "edit", obj.pk) if self.heeft_recht("change") else None
        context["verwijder_url"] = model_url(self.model, "delete", obj.pk) if self.heeft_recht("delete") else None
        context["audit_trail"] = historie.beschrijf(
            LogEntry.objects.get_for_object(obj).select_related("actor", "content_type").order_by("-timestamp")[:50]
        )
        return context


class InitieelUitQueryMixin:
    """Prefills fields of a new object's form from the query string (``?actie=3`` on the "add" link of an
    action's page). Each value is validated by the form's own field (a foreign key: an existing object the
    field offers); an invalid value is ignored and the field keeps its default."""

    initieel_uit_query: tuple[str, ...] = ()

    def get_initial(self):
        initial = super().get_initial()
        if getattr(self, "object", None) is None:  # an existing object keeps its own values
            velden = self.get_form_class().base_fields
            for naam in self.initieel_uit_query:
                if naam in velden and self.request.GET.get(naam):
                    with contextlib.suppress(ValidationError):  # the value as the form shows it (a pk)
                        initial[naam] = velden[naam].prepare_value(velden[naam].clean(self.request.GET[naam]))
        return initial


class ObjectEditView(ObjectPermissionMixin, generic.UpdateView):
    """Create (no pk) or update; models with a ``versie`` field are protected against lost updates."""

    template_name = "generic/object_form.html"
    fields = None
    form_class = None

    def get_permission_required(self):
        self.permission_action = "change" if "pk" in self.kwargs else "add"
        return super().get_permission_required()

    def get_object(self, queryset=None):
        if "pk" not in self.kwargs:
            return None
        obj = super().get_object(queryset)
        self.controleer_wijzigbaar(obj)
        return obj

    def controleer_wijzigbaar(self, obj):
        """Hook: raise PermissionDenied when this user may not edit this object."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        begrens_lange_keuzelijsten(form)  # after the form's own queryset changes
        return form

    def get_form_class(self):
        form_class = self.form_class or modelform_factory(self.model, form=BaseModelForm, fields=self.fields)
        if hasattr(self.model, "versie") and not issubclass(form_class, VersieFormMixin):
            form_class = type(form_class.__name__, (VersieFormMixin, form_class), {})
        return form_class

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opts = self.model._meta
        if self.object:
            context["titel"] = _("%(object)s wijzigen") % {"object": self.object}
            context["annuleer_url"] = self.object.get_absolute_url()
            context["breadcrumbs"].append((str(self.object), self.object.get_absolute_url()))
        else:
            context["titel"] = _("Nieuw: %(model)s") % {"model": opts.verbose_name}
            context["annuleer_url"] = context["lijst_url"]
        return context

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if self.object is not None and hasattr(self.model, "versie"):
                    huidige = self.model.objects.select_for_update().get(pk=self.object.pk)
                    geladen = form.cleaned_data.get("geladen_versie")
                    if geladen is None or geladen != huidige.versie:
                        laatste = LogEntry.objects.get_for_object(huidige).select_related("actor").first()
                        wie = str(laatste.actor) if laatste and laatste.actor else _("een andere gebruiker")
                        form.add_error(None, VERSIE_CONFLICT.format(gebruiker=wie))
                        return self.form_invalid(form)
                    form.instance.versie = huidige.versie + 1
                self.object = form.save()
        except IntegrityError:
            form.add_error(None, _("Deze gegevens bestaan al of zijn in strijd met andere gegevens."))
            return self.form_invalid(form)
        messages.success(self.request, _("%(object)s is opgeslagen.") % {"object": self.object})
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return self.object.get_absolute_url()


class ObjectDeleteView(ObjectPermissionMixin, generic.DeleteView):
    """Asks for confirmation; refuses with a clear message when other records depend on it."""

    permission_action = "delete"
    template_name = "generic/object_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _("%(object)s verwijderen") % {"object": self.object}
        context["breadcrumbs"].append((str(self.object), self.object.get_absolute_url()))
        return context

    def form_valid(self, form):
        naam = str(self.object)
        try:
            self.object.delete()
        except ProtectedError:
            messages.error(
                self.request,
                _("%(object)s kan niet worden verwijderd omdat er andere gegevens naar verwijzen.") % {"object": naam},
            )
            return HttpResponseRedirect(self.object.get_absolute_url())
        messages.success(self.request, _("%(object)s is verwijderd.") % {"object": naam})
        return HttpResponseRedirect(model_url(self.model, "list") or reverse("dashboard"))


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("CSV (UTF-8, scheidingsteken ; of ,) of XLSX, maximaal 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt", "class": "utrecht-textbox"}),
    )


class ImportView(ObjectPermissionMixin, generic.FormView):
    """Upload page for an :class:`~noordwijk_migratie.imports.Importer`: template download,
    column documentation, per-row errors, all-or-nothing. The file is checked first (size, type,
    limits; a file beyond them is refused at once); a file of up to SYNCHROON_MAX_RIJEN rows is
    imported in the request, a larger one by a Celery task whose page shows progress and result."""

    importer_class: type[Importer] = None
    permission_action = "add"
    template_name = "generic/import.html"
    form_class = UploadForm

    @property
    def model(self):
        return self.importer_class.model

    def get(self, request, *args, **kwargs):
        importer = self.importer_class()
        naam = f"sjabloon-{self.model._meta.model_name}"
        if request.GET.get("sjabloon") == "xlsx":
            response = HttpResponse(importer.sjabloon_xlsx(), content_type=NederlandseTableExport.FORMATS["xlsx"])
            response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
            return response
        if request.GET.get("sjabloon") == "csv":
            response = HttpResponse(importer.sjabloon_csv(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
            return response
        return super().get(request, *args, **kwargs)

    def titel(self, importer) -> str:
        return str(importer.titel) or _("%(model)s importeren") % {
            "model": self.model._meta.verbose_name_plural.capitalize()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        importer = self.importer_class()
        context["titel"] = self.titel(importer)
        context["kolommen"] = importer.uitleg()
        context["synchroon_max"] = SYNCHROON_MAX_RIJEN
        return context

    def form_valid(self, form):
        importer = self.importer_class()
        try:
            bestand = controleer(form.cleaned_data["bestand"], len(importer.kolommen()))
        except ImportBestandFout as fout:
            resultaat = ImportResultaat.met_fout(str(fout))
        else:
            if bestand.omvang > SYNCHROON_MAX_RIJEN + 1:
                taak = start_importtaak(
                    self.request.user,
                    self.importer_class,
                    bestand,
                    titel=self.titel(importer),
                    terug_url=self.request.path,
                )
                return HttpResponseRedirect(taak.get_absolute_url())
            resultaat = importer.importeer(bestand, door=self.request.user)
        if not resultaat.geslaagd:
            return self.render_to_response(self.get_context_data(form=form, resultaat=resultaat))
        messages.success(
            self.request,
            _("Import geslaagd: %(nieuw)s nieuw, %(bijgewerkt)s bijgewerkt, %(ongewijzigd)s ongewijzigd.")
            % {"nieuw": resultaat.aangemaakt, "bijgewerkt": resultaat.bijgewerkt, "ongewijzigd": resultaat.ongewijzigd},
        )
        return HttpResponseRedirect(model_url(self.model, "list") or reverse("dashboard"))


def mag_openen(request, url_naam: str) -> bool:
    """May this user open the page named ``url_naam``? Asks the view itself (a permission-checking
    view's ``has_permission()`` after ``setup()``), so a link is shown exactly when the page opens."""
    match = resolve(reverse(url_naam))
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, PermissionRequiredMixin):
        return True
    view = view_class(**match.func.view_initkwargs)
    view.setup(request, *match.args, **match.kwargs)
    return view.has_permission()


class ImportTaakView(generic.DetailView):
    """Progress and result of a large import (:class:`~noordwijk_migratie.models.ImportTaak`), for the user
    who started it only: anyone else gets 404. While it runs, the status part polls itself with htmx."""

    model = ImportTaak
    template_name = "generic/import_taak.html"
    partial_template_name = "generic/import_taak_status.html"
    context_object_name = "taak"

    def get_queryset(self):
        return ImportTaak.objects.filter(gebruiker=self.request.user).defer("inhoud")

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.partial_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = self.object.titel
        context["lijst_url"] = model_url(import_string(self.object.importer).model, "list")
        return context


class AppIndexView(generic.TemplateView):
    """The landing page of an app: the pages its ``bijdragen.py`` lists, filtered by what the user may open."""

    template_name = "generic/app_index.html"
    titel = ""
    inleiding = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = self.titel
        context["inleiding"] = self.inleiding
        label = django_apps.get_containing_app_config(type(self).__module__).label
        context["secties"] = [
            {
                "titel": pagina.titel or _titel_van(pagina.url_naam),
                "url": reverse(pagina.url_naam),
                "omschrijving": pagina.omschrijving,
            }
            for pagina in registry.paginas(label)
            if (
                self.request.user.has_perm(pagina.permissie)
                if pagina.permissie
                else mag_openen(self.request, pagina.url_naam)
            )
        ]
        return context


def _titel_van(url_naam: str) -> str:
    """The plural name of the model behind a list page."""
    func = resolve(reverse(url_naam)).func
    model = func.view_initkwargs.get("model") or func.view_class.model
    return model._meta.verbose_name_plural.capitalize()


def uit_query(data, form_class, standaard):
    """(value, form) for the one field of ``form_class`` read from ``data`` (the query string), validated by
    that field. Absent or empty: ``standaard`` and an unbound form showing it. Invalid (no date, outside the
    allowed range, no such period): ``standaard`` and the bound form, whose Dutch error the page shows."""
    naam = next(iter(form_class.base_fields))
    if not data.get(naam):
        return standaard, form_class(initial={naam: standaard})
    form = form_class({naam: data[naam]})
    return (form.cleaned_data[naam], form) if form.is_valid() else (standaard, form)


class PeildatumMixin:
    """Views that show figures "on a peildatum": ``?peildatum=jjjj-mm-dd`` (see :func:`uit_query`), default
    today. Render the form with ``{% include "includes/peildatum.html" %}``."""

    def peildatum(self):
        return uit_query(self.request.GET, PeildatumForm, timezone.localdate())
