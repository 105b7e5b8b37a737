"""Builds the optional compiled kernel of the counting engine (wijkgeld/pb/rules/_kernel.c).

Everything else is in pyproject.toml. ``optional=True``: without a working C compiler the install
goes on and the engine runs its pure-Python path (``wijkgeld tally --version`` says which is in use).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "wijkgeld.pb.rules._kernel",
            ["wijkgeld/pb/rules/_kernel.c"],
            # No fused multiply-add: every float operation rounds as in the pure-Python path.
            extra_compile_args=["-O2", "-ffp-contract=off"],
            optional=True,
        )
    ]
)
