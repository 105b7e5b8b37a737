import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The national figures are cached per data version (highest ids); a rolled-back test database hands
    out the same ids again, so every test starts with an empty cache."""
    cache.clear()
    yield
    cache.clear()
