"""The demo city of Riverton: a client of the services that fills an empty database with a realistic city.

`create_demo` is the entry point (the `citydesk demo` command, the first-run chooser, the benchmark
dataset); the package's modules are the steps: reference data (`reference`), the address list
(`addresses`), people (`people`), the calendar and day plan (`calendar`), tickets (`tickets`) and
their lives (`plan`, `lifecycle`), counter contacts (`contacts`), and the literal text (`content`).
It writes only through public service functions (setup, bulk, addresses, contacts).
"""

from __future__ import annotations

from citydesk.demo.generator import DemoSummary, Progress, create_demo

__all__ = ["DemoSummary", "Progress", "create_demo"]
