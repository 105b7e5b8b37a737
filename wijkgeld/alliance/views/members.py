"""Pages for members of the alliance: documents and questions, proposing agenda items, the chair's work."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.alliance import queries, services
from wijkgeld.alliance.forms import AnswerForm, ChairDecisionForm, ProposeItemForm, QuestionForm
from wijkgeld.alliance.models import AgendaItem, Document, Question, Visibility
from wijkgeld.alliance.permissions import may_chair
from wijkgeld.alliance.views.common import alliance_of, run_form
from wijkgeld.areas.models import Area


def _document(area, pk: int, user) -> Document:
    document = get_object_or_404(
        Document.objects.select_related("alliance__area", "meeting"), pk=pk, alliance__area=area
    )
    if not queries.may_see_document(user, document):
        # Members-only or not yet shared: the same answer as for a document that does not exist.
        raise Http404
    return document


@require_GET
def document_download(request, slug: str, pk: int):
    area = get_object_or_404(Area, slug=slug)
    document = _document(area, pk, request.user)
    try:
        handle = document.file.open("rb")
    except OSError as exc:  # the file went missing on disk: say "not found", never a 500
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["Cache-Control"] = (
        "public, max-age=300" if document.visibility == Visibility.PUBLIC else "private, no-store"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def document_page(request, slug: str, pk: int):
    area = get_object_or_404(Area, slug=slug)
    document = _document(area, pk, request.user)
    alliance = document.alliance
    is_member = can(request.user, "alliance.view_members", area)
    may_ask = can(request.user, "alliance.ask_question", area)
    if request.method == "POST" and not may_ask:
        raise PermissionDenied("alliance.ask_question")
    form = QuestionForm(request.POST or None)
    context = {
        "area": area,
        "alliance": alliance,
        "document": document,
        "received_at": queries.delegates_received_at(document),
        "shares": document.shares.select_related("partner__organisation"),
        "show_people": can(request.user, "area.view_people", area),
        "questions": document.questions.select_related("asked_by", "answered_by") if is_member else [],
        "is_member": is_member,
        "may_ask": may_ask,
        "may_chair": may_chair(request.user, alliance),
    }
    return run_form(
        request,
        form,
        lambda data: services.question_ask(actor=request.user, document=document, text=data["text"]),
        success=_("Your question has been sent. The answer will appear on this page."),
        redirect_to=reverse("alliance:document", kwargs={"slug": area.slug, "pk": document.pk}) + "#vragen",
        template="alliance/document.html",
        context=context,
    )


@area_permission_required("alliance.view_members")
def question_answer(request, area, pk: int):
    question = get_object_or_404(
        Question.objects.select_related("document__alliance"), pk=pk, document__alliance__area=area
    )
    if not may_chair(request.user, question.document.alliance):
        raise PermissionDenied("alliance.chair")
    form = AnswerForm(request.POST or None, initial={"answer": question.answer})
    return run_form(
        request,
        form,
        lambda data: services.question_answer(actor=request.user, question=question, answer=data["answer"]),
        success=_("Your answer is now visible to all members."),
        redirect_to=reverse("alliance:document", kwargs={"slug": area.slug, "pk": question.document_id})
        + "#vragen",
        template="alliance/answer.html",
        context={"area": area, "alliance": question.document.alliance, "question": question},
    )


@area_permission_required("alliance.view_members")
def agenda_page(request, area):
    alliance = alliance_of(area)
    items = alliance.agenda_items.select_related("meeting", "proposed_by", "decided_by").order_by(
        "-created_at"
    )
    return render(
        request,
        "alliance/agenda.html",
        {
            "area": area,
            "alliance": alliance,
            "proposed": [i for i in items if i.status == AgendaItem.Status.PROPOSED],
            "accepted": [i for i in items if i.status == AgendaItem.Status.ACCEPTED],
            "planned": [i for i in items if i.status == AgendaItem.Status.PLANNED and i.from_residents],
            "declined": [i for i in items if i.status == AgendaItem.Status.DECLINED],
            "may_propose": can(request.user, "alliance.propose_item", area),
            "may_chair": may_chair(request.user, alliance),
            # The observer reads the agenda's figures and reasons, not who proposed or decided.
            "hide_people": not can(request.user, "area.view_people", area),
        },
    )


@area_permission_required("alliance.propose_item")
def propose_item(request, area):
    alliance = alliance_of(area)
    form = ProposeItemForm(request.POST or None)
    return run_form(
        request,
        form,
        lambda data: services.agenda_item_propose(
            actor=request.user, alliance=alliance, title=data["title"], explanation=data["explanation"]
        ),
        success=_("Thank you. The chair will plan, accept or decline your item, with a reason."),
        redirect_to=reverse("alliance:agenda", kwargs={"slug": area.slug}),
        template="alliance/propose.html",
        context={"area": area, "alliance": alliance},
    )


@area_permission_required("alliance.view_members")
def decide_item(request, area, pk: int):
    alliance = alliance_of(area)
    if not may_chair(request.user, alliance):
        raise PermissionDenied("alliance.chair")
    item = get_object_or_404(AgendaItem, pk=pk, alliance=alliance)
    meetings = queries.upcoming_meetings(alliance, now=timezone.now()).filter(
        cancelled=False, starts_at__gt=timezone.now()
    )
    form = ChairDecisionForm(request.POST or None, meetings=meetings)
    return run_form(
        request,
        form,
        lambda data: services.agenda_item_decide(
            actor=request.user,
            item=item,
            action=data["action"],
            reason=data["reason"],
            meeting=data["meeting"],
        ),
        success=_("Your decision on this item is saved and visible to all delegates."),
        redirect_to=reverse("alliance:agenda", kwargs={"slug": area.slug}),
        template="alliance/decide_item.html",
        context={"area": area, "alliance": alliance, "item": item},
    )
