"""Wijkgeld counting engine: Pabulib elections, counting rules, tie-breaking and explanations.

Pure Python, no Django. The public API (see docs/algorithms/README.md)::

    from wijkgeld.pb import read_pb, parse_pb, write_pb, build_election, Project, Ballot, tally, explain_text

    election = read_pb("area.pb")                     # or build_election(budget=..., ...)
    result = tally(election, rule="mes", completion="add1", utility="cost", tie_break="id")
    result.selected                                   # ["12", "7", ...] in the order chosen
    result.explanation.projects["12"].reason          # "mes-bought", ...
    result.explanation.voters["v-81"].spent_on_supported
    explain_text(result.explanation, language="nl")   # plain Dutch (B1) or English
    write_pb(election)                                # Pabulib text, for download
"""

from .errors import ElectionError, PbError, PbParseError, RuleError
from .explain import Explanation, ProjectExplanation, VoterExplanation
from .model import Ballot, Election, Project, build_election
from .numbers import Number
from .pbfile import parse_pb, parse_pb_bytes, read_pb, write_pb
from .tally import RULES, Result, tally
from .texts import LANGUAGES, explain_text, money, project_text, summary_text, voter_text
from .tiebreak import TieBreak

__all__ = [
    "LANGUAGES",
    "RULES",
    "Ballot",
    "Election",
    "ElectionError",
    "Explanation",
    "Number",
    "PbError",
    "PbParseError",
    "Project",
    "ProjectExplanation",
    "Result",
    "RuleError",
    "TieBreak",
    "VoterExplanation",
    "build_election",
    "explain_text",
    "money",
    "parse_pb",
    "parse_pb_bytes",
    "project_text",
    "read_pb",
    "summary_text",
    "tally",
    "voter_text",
    "write_pb",
]
