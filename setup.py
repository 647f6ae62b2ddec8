"""Packaging beside pyproject.toml: the packages under src/, and the top-level resources/ folder
shipped inside the wheel as the package data `citydesk/resources/` (fonts, translations, samples),
where `citydesk.resources_path` finds it. pyproject.toml cannot map an extra folder into a package
while also discovering the packages, so both are declared here."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages("src", include=["citydesk", "citydesk.*"]), "citydesk.resources"],
    package_dir={"": "src", "citydesk.resources": "resources"},
)
