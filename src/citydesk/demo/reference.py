"""The demo city's reference data: offices, departments, categories and staff, through the setup services."""

from __future__ import annotations

from dataclasses import dataclass

from citydesk.demo import content
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.setup import add_category, add_department, add_office, add_user
from citydesk.store.db import Database


@dataclass
class Reference:
    """The demo's reference rows: ids by code or username, the office of each user, each department's head."""

    offices: dict[str, str]
    departments: dict[str, str]
    department_names: dict[str, str]
    categories: list[str]
    users: dict[str, str]
    user_office: dict[str, str]
    supervisors: dict[str, str]


def write_reference(db: Database, local_office: str) -> Reference:
    """Offices, departments, categories and staff through the setup services."""
    actor = SYSTEM_ACTOR
    offices = {content.LOCAL_OFFICE[0]: local_office}
    for code, name in content.OTHER_OFFICES:
        offices[code] = add_office(db, actor=actor, code=code, name=name)
    departments = {
        code: add_department(db, actor=actor, code=code, name=name) for code, name in content.DEPARTMENTS
    }
    categories = [
        add_category(
            db,
            actor=actor,
            name=spec.name,
            department_id=departments[spec.department],
            default_priority=spec.priority,
            target_business_days=spec.target,
            keywords=spec.keywords,
            caller_script=spec.script,
            intake_questions=list(spec.questions),
            is_public=spec.public,
        )
        for spec in content.CATEGORIES
    ]
    users: dict[str, str] = {}
    user_office: dict[str, str] = {}
    supervisors: dict[str, str] = {}
    for staff in content.STAFF:
        users[staff.username] = add_user(
            db,
            actor=actor,
            username=staff.username,
            display_name=staff.display_name,
            role=staff.role,
            password=None,
            office_id=offices[staff.office],
            department_id=departments[staff.department] if staff.department else None,
            email=f"{staff.username}@{content.STAFF_EMAIL_DOMAIN}",
        )
        user_office[staff.username] = staff.office
        if staff.role == "supervisor" and staff.department:
            supervisors[staff.department] = staff.username
    return Reference(
        offices=offices,
        departments=departments,
        department_names=dict(content.DEPARTMENTS),
        categories=categories,
        users=users,
        user_office=user_office,
        supervisors=supervisors,
    )
