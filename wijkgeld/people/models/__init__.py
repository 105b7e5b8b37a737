"""People who build the neighbourhood: placements in bewonersbedrijven and community builders.

Personal data of participants lives in one model of its own (`ParticipantData`) so that it can be
shown to the two people who need it, deleted on withdrawal or after the retention period, and left
out of every count, export and log.
"""

from wijkgeld.people.models.appointments import Appointment
from wijkgeld.people.models.builders import (
    Commission,
    CommissionApproval,
    CommunityBuilder,
    Report,
    Training,
)
from wijkgeld.people.models.placements import (
    Interest,
    Milestone,
    MonthlyHours,
    ParticipantData,
    Placement,
    RhythmStep,
    StopReason,
    WorkRole,
)

__all__ = [
    "Appointment",
    "Commission",
    "CommissionApproval",
    "CommunityBuilder",
    "Interest",
    "Milestone",
    "MonthlyHours",
    "ParticipantData",
    "Placement",
    "Report",
    "RhythmStep",
    "StopReason",
    "Training",
    "WorkRole",
]
