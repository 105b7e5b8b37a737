"""Commitments, payments, releases, corrections and the ledger export (members of the area)."""

from __future__ import annotations

from django.contrib import messages
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.csv_export import csv_writer
from wijkgeld.core.errors import DomainError
from wijkgeld.core.forms import call_service
from wijkgeld.core.money import cents_to_str
from wijkgeld.money import services
from wijkgeld.money.forms import CommitmentForm, PaymentForm, ReasonForm
from wijkgeld.money.models import BudgetLine, Commitment, Payment, Posting, Transaction
from wijkgeld.money.views.budget import form_page
from wijkgeld.money.views.util import check_year, spending_form_context


@area_permission_required("money.commit")
def commitment_create(request, area, pk: int):
    line = get_object_or_404(BudgetLine.objects.select_related("theme"), pk=pk, area=area)
    collectives = services.local_collectives_for(area=area, theme=line.theme)
    form = CommitmentForm(request.POST or None, request.FILES or None, area=area, collectives=collectives)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        commitment = call_service(
            form,
            services.commitment_create,
            actor=request.user,
            line=line,
            amount_cents=data["amount"],
            description=data["description"],
            recipient_organisation=data["recipient_organisation"],
            recipient_name=data["recipient_name"],
            recipient_is_resident=data["recipient_is_resident"],
            non_local_reason=data["non_local_reason"],
            non_local_explanation=data["non_local_explanation"],
            consultations=form.consultations(),
            document=data["document"],
        )
        if commitment is not None:
            messages.success(request, _("The commitment has been booked."))
            return redirect("money:commitment", slug=area.slug, pk=commitment.pk)
    return render(request, "money/commitment_form.html", spending_form_context(area, line, form))


def _commitment(area, pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.select_related("line__theme", "recipient_organisation", "created_by"),
        pk=pk,
        line__area=area,
    )


@area_permission_required("money.view_ledger")
def commitment_detail(request, area, pk: int):
    commitment = _commitment(area, pk)
    return render(
        request,
        "money/commitment.html",
        {
            "area": area,
            "commitment": commitment,
            "payments": commitment.payments.select_related(
                "created_by", "decided_by", "transaction", "transaction__reversed_by"
            ),
            "paid": services.commitment_paid_cents(commitment),
            "payable": services.commitment_payable_cents(commitment),
            "may_pay": can(request.user, "money.pay", area),
            "may_commit": can(request.user, "money.commit", area),
            "may_correct": can(request.user, "money.correct", area),
            "may_see_documents": can(request.user, "money.view_documents", area),
            "reversed": Transaction.objects.filter(reverses=commitment.transaction_id).exists(),
            "show_people": (show := can(request.user, "area.view_people", area)),
            "recipient": commitment.recipient_name if show else commitment.public_recipient,
        },
    )


@area_permission_required("money.pay")
def payment_create(request, area, pk: int):
    commitment = _commitment(area, pk)
    form = PaymentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        payment = call_service(
            form,
            services.payment_create,
            actor=request.user,
            commitment=commitment,
            amount_cents=form.cleaned_data["amount"],
            description=form.cleaned_data["description"],
            document=form.cleaned_data["document"],
        )
        if payment is not None:
            if payment.status == Payment.Status.AWAITING:
                messages.info(request, _("The payment waits for a second person from finance to confirm it."))
            else:
                messages.success(request, _("The payment has been booked."))
            return redirect("money:commitment", slug=area.slug, pk=commitment.pk)
    from wijkgeld.core.templatetags.wijkgeld import euros

    intro = _("Still to pay on this commitment: %(amount)s.") % {
        "amount": euros(services.commitment_payable_cents(commitment))
    }
    back = redirect("money:commitment", slug=area.slug, pk=commitment.pk).url
    return form_page(
        request,
        area,
        form,
        title=_("Pay %(recipient)s") % {"recipient": commitment.recipient_name},
        back=back,
        intro=intro,
    )


@area_permission_required("money.commit")
def commitment_release(request, area, pk: int):
    commitment = _commitment(area, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        released = call_service(
            form,
            services.commitment_release,
            actor=request.user,
            commitment=commitment,
            reason=form.cleaned_data["reason"],
        )
        if released is not None:
            messages.success(request, _("The unpaid rest has gone back to the budget line."))
            return redirect("money:commitment", slug=area.slug, pk=commitment.pk)
    intro = _("The part that has not been paid goes back to the budget line. Payments already made stay.")
    back = redirect("money:commitment", slug=area.slug, pk=commitment.pk).url
    return form_page(
        request, area, form, title=_("Release the rest of this commitment"), back=back, intro=intro
    )


@area_permission_required("money.pay")
def payment_decide(request, area, pk: int):
    payment = get_object_or_404(
        Payment.objects.select_related("commitment__line", "created_by"), pk=pk, commitment__line__area=area
    )
    reject_form = ReasonForm(request.POST if request.POST.get("decision") == "reject" else None)
    error = ""
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision == "confirm":
            try:
                services.payment_confirm(actor=request.user, payment=payment)
            except DomainError as exc:
                error = exc.message
            else:
                messages.success(request, _("The payment is confirmed and booked."))
                return redirect("money:commitment", slug=area.slug, pk=payment.commitment_id)
        elif decision == "reject" and reject_form.is_valid():
            done = call_service(
                reject_form,
                services.payment_reject,
                actor=request.user,
                payment=payment,
                reason=reject_form.cleaned_data["reason"],
            )
            if done is not None:
                messages.success(request, _("The payment has been refused."))
                return redirect("money:commitment", slug=area.slug, pk=payment.commitment_id)
    return render(
        request,
        "money/payment_decide.html",
        {"area": area, "payment": payment, "reject_form": reject_form, "error": error},
    )


@area_permission_required("money.correct")
def transaction_reverse(request, area, pk: int):
    tx = get_object_or_404(Transaction, pk=pk, area=area)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            services.transaction_reverse,
            actor=request.user,
            transaction=tx,
            reason=form.cleaned_data["reason"],
        )
        if done is not None:
            messages.success(request, _("The entry has been corrected with a reversing entry."))
            year = tx.postings.values_list("year", flat=True).first() or tx.created_at.year
            return redirect("money:overview", slug=area.slug, year=year)
    intro = _(
        "Entries are never changed or deleted. A correction books the same amounts in the opposite direction."
    )
    back = redirect("money:overview_current", slug=area.slug).url
    return form_page(
        request,
        area,
        form,
        title=_("Correct entry %(number)s: %(text)s") % {"number": tx.pk, "text": tx.description},
        back=back,
        intro=intro,
    )


# Their descriptions start with the recipient's name (which may be a resident's).
NAMED_KINDS = (Transaction.Kind.COMMITMENT, Transaction.Kind.PAYMENT)


class _Echo:
    def write(self, value):
        return value


@area_permission_required("money.view_ledger")
def ledger_csv(request, area, year: int):
    check_year(year)
    postings = (
        Posting.objects.filter(area=area, year=year)
        .select_related("transaction", "theme", "line", "commitment__recipient_organisation")
        .order_by("transaction_id", "id")
    )
    writer = csv_writer(_Echo())
    # The observer gets the figures, not the people: no booker's name, no private recipient's name.
    show_people = can(request.user, "area.view_people", area)
    header = [
        "transaction",
        "time",
        "kind",
        "description",
        "by",
        "reverses",
        "theme",
        "line",
        "account",
        "commitment",
        "recipient",
        "local",
        "tier",
        "amount",
    ]

    def rows():
        yield writer.writerow(header)
        for p in postings.iterator(chunk_size=2000):
            tx = p.transaction
            yield writer.writerow(
                [
                    tx.pk,
                    tx.created_at.isoformat(),
                    tx.kind,
                    tx.description if show_people or tx.kind not in NAMED_KINDS else "",
                    tx.actor_label if show_people else "",
                    tx.reverses_id or "",
                    p.theme.code,
                    p.line.code if p.line_id else "",
                    p.account,
                    p.commitment_id or "",
                    (p.commitment.recipient_name if show_people else p.commitment.public_recipient)
                    if p.commitment_id
                    else "",
                    "yes" if p.is_local else "no",
                    p.tier,
                    cents_to_str(p.amount_cents),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="grootboek-{area.slug}-{year}.csv"'
    return response
