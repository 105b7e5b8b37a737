"""The retention test touches several apps: borrow their fixtures."""

from tests.fund.conftest import make_idea, make_round  # noqa: F401
from tests.money.conftest import finance, grant, line, local_org, staff, theme  # noqa: F401
