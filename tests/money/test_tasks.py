"""Finance's second person sees the payments waiting for them on "Mijn pagina"; nobody else does."""

import pytest

from tests.conftest import login
from wijkgeld.core.tasks import tasks_for
from wijkgeld.money import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(finance, commitment):
    return services.payment_create(
        actor=finance, commitment=commitment, amount_cents=1_500_000, description="Factuur"
    )


def kinds(user):
    return [t.kind for t in tasks_for(user)]


def test_second_finance_person_sees_the_waiting_payment(finance2, waiting, area):
    [task] = [t for t in tasks_for(finance2) if t.kind == "money.payment.confirm"]
    assert task.url.endswith(f"/betalingen/{waiting.pk}/")
    assert task.area == area


def test_the_person_who_entered_it_does_not(finance, waiting):
    assert "money.payment.confirm" not in kinds(finance)


def test_finance_of_another_area_and_other_roles_do_not(make_user, other_area, area, waiting):
    assert "money.payment.confirm" not in kinds(make_user("finance", other_area))
    assert "money.payment.confirm" not in kinds(make_user("fund_committee", area))
    assert "money.payment.confirm" not in kinds(make_user("resident_delegate", area))


def test_a_confirmed_payment_leaves_the_list(finance2, waiting):
    services.payment_confirm(actor=finance2, payment=waiting)
    assert "money.payment.confirm" not in kinds(finance2)


def test_my_page_shows_the_task_with_its_link(client, finance2, waiting):
    login(client, finance2)
    client.cookies["django_language"] = "nl"
    html = client.get("/account/").content.decode()
    assert "wacht op u als tweede persoon" in html
    assert f"/betalingen/{waiting.pk}/" in html
