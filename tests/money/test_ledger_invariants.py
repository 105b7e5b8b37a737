"""Invariants of the ledger: postings balance, nothing is over-committed or over-paid, history never
changes, corrections are reversing entries. Checked after every step of random operation sequences."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkgeld.core.errors import DomainError
from wijkgeld.money import services
from wijkgeld.money.models import Account, BudgetLine, Commitment, Payment, Posting, Transaction
from wijkgeld.money.reports import finance_overview


def assert_invariants(area) -> None:
    # 1. Every transaction's postings sum to zero (double entry).
    unbalanced = (
        Posting.objects.values("transaction_id").annotate(total=Sum("amount_cents")).exclude(total=0).count()
    )
    assert unbalanced == 0
    # 2. No budget line has a negative available balance (never committed beyond what is available).
    for line in BudgetLine.objects.all():
        assert services.line_available_cents(line) >= 0
    # 3. No commitment is paid beyond its amount; open + paid never exceed it.
    for c in Commitment.objects.all():
        paid = services.commitment_paid_cents(c)
        open_ = services.commitment_open_cents(c)
        assert 0 <= paid <= c.amount_cents
        assert open_ >= 0 and open_ + paid <= c.amount_cents
        assert services.commitment_payable_cents(c) >= 0
    # 4. The report agrees with the raw ledger to the cent.
    for year in set(Posting.objects.values_list("year", flat=True)):
        totals = finance_overview(area=area, year=year).totals
        raw = dict(
            Posting.objects.filter(area=area, year=year)
            .values_list("account")
            .annotate(s=Sum("amount_cents"))
            .order_by()
        )
        assert totals.granted == -raw.get(Account.SOURCE, 0)
        assert totals.paid == raw.get(Account.PAID, 0)
        assert totals.committed == raw.get(Account.PAID, 0) + raw.get(Account.COMMITTED, 0)
        assert totals.available == raw.get(Account.AVAILABLE, 0) + raw.get(Account.UNALLOCATED, 0)


def snapshot():
    return list(Posting.objects.order_by("id").values_list("id", "transaction_id", "account", "amount_cents"))


operation = st.one_of(
    st.tuples(st.just("commit"), st.integers(min_value=-5, max_value=3_000_000)),
    st.tuples(st.just("pay"), st.integers(min_value=-5, max_value=3_000_000)),
    st.tuples(st.just("release"), st.integers(min_value=0, max_value=0)),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=10)),
    st.tuples(st.just("confirm"), st.integers(min_value=0, max_value=0)),
)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=1, max_size=12))
def test_random_operations_keep_every_invariant(ops, line, staff, finance, finance2, area):
    with transaction.atomic():  # each example is rolled back, so examples do not see each other
        for kind, amount in ops:
            before = snapshot()
            try:
                _apply(kind, amount, line=line, staff=staff, finance=finance, finance2=finance2)
            except DomainError:
                assert snapshot() == before  # a refused operation changes nothing
            after = snapshot()
            assert after[: len(before)] == before  # history is never changed, only appended to
            assert_invariants(area)
        transaction.set_rollback(True)


def _apply(kind, amount, *, line, staff, finance, finance2) -> None:
    commitments = list(Commitment.objects.order_by("id"))
    if kind == "commit":
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=amount,
            description="x",
            recipient_name="Bewoner",
            recipient_is_resident=True,
        )
    elif kind == "pay" and commitments:
        services.payment_create(
            actor=finance, commitment=commitments[-1], amount_cents=amount, description="f"
        )
    elif kind == "release" and commitments:
        services.commitment_release(actor=staff, commitment=commitments[0], reason="klaar")
    elif kind == "reverse":
        txs = list(Transaction.objects.exclude(kind=Transaction.Kind.REVERSAL).order_by("-id")[:11])
        if txs:
            services.transaction_reverse(
                actor=finance, transaction=txs[amount % len(txs)], reason="correctie"
            )
    elif kind == "confirm":
        waiting = Payment.objects.filter(status=Payment.Status.AWAITING).first()
        if waiting:
            services.payment_confirm(actor=finance2, payment=waiting)


def test_append_only_models_refuse_change_and_delete(commitment):
    posting = Posting.objects.first()
    posting.amount_cents = 1
    with pytest.raises(RuntimeError):
        posting.save()
    with pytest.raises(RuntimeError):
        posting.delete()
    with pytest.raises(RuntimeError):
        commitment.save()
    with pytest.raises(RuntimeError):
        commitment.transaction.delete()


def test_book_refuses_unbalanced_postings(line):
    from wijkgeld.money.services.ledger import Leg, book, new_transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        tx = new_transaction(
            area=line.area, kind="allocation", description="x", actor=None, now=line.created_at
        )
        book(tx, [Leg(Account.AVAILABLE, 100, 2026, line.theme, line=line)])


def test_reversal_mirrors_every_posting(finance, commitment):
    payment = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=1234, description="x"
    )
    reversal = services.transaction_reverse(actor=finance, transaction=payment.transaction, reason="dubbel")
    original = sorted((p.account, p.amount_cents) for p in payment.transaction.postings.all())
    mirrored = sorted((p.account, -p.amount_cents) for p in reversal.postings.all())
    assert original == mirrored
    assert reversal.reverses_id == payment.transaction_id


def test_grant_reversal_refused_once_money_is_in_a_line(finance, grant, line):
    with pytest.raises(DomainError):
        services.transaction_reverse(actor=finance, transaction=grant.transaction, reason="fout bedrag")
