"""Views of the fund, one module per concept. Thin: a form, one service call, render or redirect."""
