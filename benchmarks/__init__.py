"""citydesk benchmarks: `python -m benchmarks` (or `make bench`) measures the budgets at 100,000 tickets.

Nothing here runs in the test suite. The 100k demo database is built once and cached (see
`benchmarks.dataset`); every write benchmark works on a throw-away copy of it.
"""
