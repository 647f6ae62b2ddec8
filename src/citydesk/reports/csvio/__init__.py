"""CSV in and out for spreadsheets: `export` (tickets and a week's metrics), `parse` (reading and
checking an import file into a plan), `mapping` (its columns to citydesk fields) and `vocabulary`
(the words city 311 files use).

Reading the bytes of a CSV file (encodings, separators, the one problem type) is
`citydesk.domain.csvfile`, shared with the address list import.
"""
