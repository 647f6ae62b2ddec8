"""Words a spreadsheet uses for citydesk's fields and values: column names, statuses, channels, ...

Keys are folded by `word_key` (lower case, accents removed, letters and digits only: "Date Created"
-> "datecreated").
"""

from __future__ import annotations

import re

from citydesk.domain.channels import Channel
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import ResolutionReason, Status
from citydesk.domain.text import fold


def word_key(text: str) -> str:
    """A column name or word folded for matching ("Date Created" -> "datecreated")."""
    return re.sub(r"[^a-z0-9]", "", fold(text) or "")


# Usual column names (folded: lower case, letters and digits only) → field.
GUESSES: dict[str, str] = {}
for _target, _names in {
    "source_id": "number ticketnumber id servicerequestid srnumber servicerequestnumber requestid casenumber "
    "caseid ticketid uniquekey objectid incidentnumber requestnumber",
    "title": "title subject summary requesttype servicename servicerequesttype issuetype problem",
    "description": "description details comments notes requestdetails issuedescription complaint",
    "status": "status state requeststatus currentstatus",
    "priority": "priority urgency severity",
    "channel": "channel source method origin requestsource intakemethod reportedvia",
    "category": "category type servicetype requestcategory complainttype subcategory",
    "department": "department agency dept responsibleagency owningdepartment assignedagency division",
    "location": "location address streetaddress incidentaddress fulladdress locationaddress place",
    "latitude": "latitude lat y",
    "longitude": "longitude long lon lng x",
    "ward": "ward district councildistrict communityboard neighborhood",
    "created_at": "createdat datecreated created createddate opened opendate openeddate requesteddate "
    "requesteddatetime submitteddate reporteddate datereported daterequested createdon "
    "datetimeopened",
    "resolved_at": "resolvedat resolved resolveddate dateresolved resolutiondate completeddate datecompleted",
    "closed_at": "closedat closed closeddate dateclosed closedon datetimeclosed updateddate",
    "resolution_reason": "resolutionreason reason outcome",
    "resolution_note": "resolutionnote resolution resolutiondescription statusnotes",
    "requester_name": "requestername name reportername callername contactname customername requester "
    "citizenname fullname",
    "requester_phone": "requesterphone phone phonenumber callerphone contactphone telephone",
    "requester_email": "requesteremail email emailaddress contactemail calleremail",
    "requester_address": "requesteraddress mailingaddress contactaddress postaladdress",
    "requester_confidential": "requesterconfidential confidential",
}.items():
    for _name in _names.split():
        GUESSES.setdefault(_name, _target)

# Status words of other systems, as people write them (readable: listed in "Unknown status" messages).
STATUS_ALIASES: dict[str, Status] = {
    "open": Status.NEW, "opened": Status.NEW, "submitted": Status.NEW, "received": Status.NEW,
    "reported": Status.NEW, "unassigned": Status.NEW, "pending": Status.NEW,
    "in process": Status.IN_PROGRESS, "working": Status.IN_PROGRESS, "work in progress": Status.IN_PROGRESS,
    "started": Status.IN_PROGRESS, "active": Status.IN_PROGRESS, "scheduled": Status.IN_PROGRESS,
    "acknowledged": Status.ASSIGNED, "waiting": Status.WAITING_REQUESTER, "on hold": Status.WAITING_REQUESTER,
    "hold": Status.WAITING_REQUESTER, "completed": Status.RESOLVED, "complete": Status.RESOLVED,
    "done": Status.RESOLVED, "fixed": Status.RESOLVED, "cancelled": Status.CLOSED, "canceled": Status.CLOSED,
}  # fmt: skip
# citydesk's own statuses by folded value and label ("in_progress", "In progress"): a status map's targets.
CITYDESK_STATUSES: dict[str, Status] = {
    **{word_key(s.value): s for s in Status},
    **{word_key(s.label): s for s in Status},
}
STATUS_WORDS: dict[str, Status] = {
    **CITYDESK_STATUSES,
    **{word_key(word): s for word, s in STATUS_ALIASES.items()},
}
# The status words the importer knows, readable, for "Unknown status" messages.
KNOWN_STATUS_TEXT = ", ".join(dict.fromkeys([*(s.label.lower() for s in Status), *STATUS_ALIASES]))
# A resolved_at cell that says the resolution date is not known (citydesk's export writes it).
DATE_UNKNOWN = "date unknown"
PRIORITY_WORDS: dict[str, Priority] = {
    **{p.value.lower(): p for p in Priority},
    "critical": Priority.P1, "emergency": Priority.P1, "urgent": Priority.P1, "1": Priority.P1,
    "high": Priority.P2, "2": Priority.P2, "normal": Priority.P3, "medium": Priority.P3, "low": Priority.P3,
    "routine": Priority.P3, "standard": Priority.P3, "3": Priority.P3, "operations": Priority.OPS,
    "planned": Priority.OPS,
}  # fmt: skip
CHANNEL_WORDS: dict[str, Channel] = {
    **{re.sub(r"[^a-z0-9]", "", c.value): c for c in Channel},
    **{re.sub(r"[^a-z0-9]", "", c.label.lower()): c for c in Channel},
    "call": Channel.PHONE, "phonecall": Channel.PHONE, "telephone": Channel.PHONE, "voicein": Channel.PHONE,
    "voicemail": Channel.PHONE, "callcenter": Channel.PHONE, "311": Channel.PHONE,
    "counter": Channel.WALK_IN, "inperson": Channel.WALK_IN, "walkup": Channel.WALK_IN,
    "mail": Channel.EMAIL, "emailin": Channel.EMAIL, "online": Channel.WEB, "internet": Channel.WEB,
    "website": Channel.WEB, "webportal": Channel.WEB, "mobile": Channel.WEB, "app": Channel.WEB,
    "mobileapp": Channel.WEB, "selfservice": Channel.WEB, "social": Channel.WEB, "twitter": Channel.WEB,
    "employee": Channel.INTERNAL, "staff": Channel.INTERNAL, "city": Channel.INTERNAL,
    "afterhours": Channel.AFTER_HOURS, "dispatch": Channel.AFTER_HOURS,
}  # fmt: skip
REASON_WORDS: dict[str, ResolutionReason] = {
    **{re.sub(r"[^a-z0-9]", "", r.value): r for r in ResolutionReason},
    **{re.sub(r"[^a-z0-9]", "", r.label.lower()): r for r in ResolutionReason},
    "duplicate": ResolutionReason.DUPLICATE, "referred": ResolutionReason.REFERRED,
    "notacitymatter": ResolutionReason.NOT_CITY_MATTER, "couldnotlocate": ResolutionReason.COULD_NOT_LOCATE,
    "unabletolocate": ResolutionReason.COULD_NOT_LOCATE, "void": ResolutionReason.VOID,
    "cancelled": ResolutionReason.VOID, "canceled": ResolutionReason.VOID, "completed": ResolutionReason.DONE,
}  # fmt: skip
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}
US_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y",
    "%m/%d/%y %I:%M %p", "%m/%d/%y %H:%M", "%m/%d/%y", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
)  # fmt: skip
DATE_HELP = "use ISO 8601 (2026-11-16 09:30), a US date (11/16/2026 9:30 AM) or a Unix time"
