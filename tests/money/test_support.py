"""The residents' own support budget: delegates propose and approve, nobody approves their own,
staff see but do not decide, finance pays; every step is in the audit log."""

from __future__ import annotations

import pytest

from tests.conftest import login
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.money import services
from wijkgeld.money.models import AreaFinanceSettings, Commitment, SupportRequest


def propose(actor, line, **kw):
    data = {
        "title": "Training",
        "reason": "Goed voorbereid aan tafel",
        "amount_cents": 480_000,
        "supplier_name": "Een bewoner",
        "supplier_is_resident": True,
    }
    data.update(kw)
    return services.support_request_propose(actor=actor, line=line, **data)


@pytest.mark.django_db
def test_majority_of_other_delegates_approves_and_it_becomes_a_commitment(support_line, delegates, finance):
    request = propose(delegates[0], support_line)
    assert request.approvals_needed == 2  # three other delegates: a majority is two
    with pytest.raises(DomainError):
        services.support_request_vote(actor=delegates[0], request=request, approve=True)  # not your own
    request = services.support_request_vote(actor=delegates[1], request=request, approve=True)
    assert request.status == SupportRequest.Status.PROPOSED
    with pytest.raises(DomainError):
        services.support_request_vote(actor=delegates[1], request=request, approve=True)  # only once
    request = services.support_request_vote(actor=delegates[2], request=request, approve=True)
    assert request.status == SupportRequest.Status.APPROVED
    commitment = request.commitment
    assert commitment.source == f"support:{request.pk}" and commitment.is_local
    assert services.line_available_cents(support_line) == 4_000_000 - 480_000
    payment = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=480_000, description="F"
    )
    assert payment.transaction_id
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "money.support.proposed",
        "money.support.approved_by",
        "money.support.approved",
        "money.payment.completed",
    } <= actions


@pytest.mark.django_db
def test_request_fails_when_approval_is_out_of_reach(support_line, delegates):
    request = propose(delegates[0], support_line)
    services.support_request_vote(actor=delegates[1], request=request, approve=False)
    request = services.support_request_vote(actor=delegates[2], request=request, approve=False)
    assert request.status == SupportRequest.Status.REJECTED
    assert Commitment.objects.count() == 0


@pytest.mark.django_db
def test_configured_quorum(support_line, delegates, area):
    AreaFinanceSettings.objects.create(area=area, support_quorum=1)
    request = propose(delegates[0], support_line)
    assert request.approvals_needed == 1
    request = services.support_request_vote(actor=delegates[3], request=request, approve=True)
    assert request.status == SupportRequest.Status.APPROVED


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["programme_staff", "finance", "observer", "resident"])
def test_others_cannot_propose_or_decide(support_line, delegates, make_user, area, role):
    other = make_user(role, area)
    with pytest.raises(DomainError):
        propose(other, support_line)
    request = propose(delegates[0], support_line)
    with pytest.raises(DomainError):
        services.support_request_vote(actor=other, request=request, approve=True)
    assert request.votes.count() == 0


@pytest.mark.django_db
def test_delegate_of_another_area_cannot_decide(support_line, delegates, make_user, other_area):
    stranger = make_user("resident_delegate", other_area)
    request = propose(delegates[0], support_line)
    with pytest.raises(DomainError):
        services.support_request_vote(actor=stranger, request=request, approve=True)
    with pytest.raises(DomainError):
        propose(stranger, support_line)


@pytest.mark.django_db
def test_bad_requests(support_line, delegates, line, outside_org):
    with pytest.raises(DomainError) as exc:
        propose(delegates[0], line)  # not a delegate-controlled line
    assert exc.value.field == "line"
    with pytest.raises(DomainError) as exc:
        propose(delegates[0], support_line, amount_cents=4_000_001)
    assert exc.value.field == "amount"
    with pytest.raises(DomainError) as exc:
        propose(delegates[0], support_line, supplier_is_resident=False, supplier_organisation=outside_org)
    assert exc.value.field == "non_local_reason"
    assert SupportRequest.objects.count() == 0


@pytest.mark.django_db
def test_withdraw_only_by_proposer(support_line, delegates):
    request = propose(delegates[0], support_line)
    with pytest.raises(DomainError):
        services.support_request_withdraw(actor=delegates[1], request=request)
    request = services.support_request_withdraw(actor=delegates[0], request=request)
    assert request.status == SupportRequest.Status.WITHDRAWN


@pytest.mark.django_db
def test_pages_for_delegates_and_staff(client, support_line, delegates, staff):
    slug = support_line.area.slug
    login(client, delegates[0])
    data = {
        "line": support_line.pk,
        "title": "Training",
        "reason": "Nodig",
        "supplier_organisation": "",
        "supplier_name": "Een bewoner",
        "supplier_is_resident": "on",
        "amount": "4800",
        "non_local_reason": "",
        "non_local_explanation": "",
    }
    response = client.post(f"/gebieden/{slug}/ondersteuning/nieuw/", {**data, "amount": "40000,01"})
    assert "amount" in response.context["form"].errors
    assert client.post(f"/gebieden/{slug}/ondersteuning/nieuw/", data).status_code == 302
    request = SupportRequest.objects.get()
    detail = f"/gebieden/{slug}/ondersteuning/{request.pk}/"
    assert client.get(detail).context["form"] is None  # no voting on your own proposal
    login(client, delegates[1])
    assert client.post(detail, {"approve": "yes", "comment": "Prima"}).status_code == 302
    login(client, staff)
    response = client.get(detail)
    assert response.status_code == 200 and response.context["form"] is None  # staff see, not decide
    assert client.post(detail, {"approve": "yes"}).status_code == 200
    assert request.votes.count() == 1
    login(client, delegates[2])
    client.post(detail, {"approve": "yes"})
    request.refresh_from_db()
    assert request.status == SupportRequest.Status.APPROVED


@pytest.mark.django_db
def test_staff_cannot_commit_from_the_delegates_line_directly(support_line, staff, finance):
    for actor in (staff, finance):
        with pytest.raises(DomainError) as exc:
            services.commitment_create(
                actor=actor,
                line=support_line,
                amount_cents=100,
                description="x",
                recipient_name="y",
                recipient_is_resident=True,
            )
        assert exc.value.code == "forbidden"
    assert Commitment.objects.count() == 0
