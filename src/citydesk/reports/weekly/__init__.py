"""The printed weekly status report: `writer` (read the week, write the PDF), `pdf` (the document,
its header and footer), `story` (the sections in page order), `tables` (styles and wrapped tables),
`charts` and `text` (numbers, sentences and definitions in plain English; no ReportLab).

Modules that draw import ReportLab only inside functions, so importing this package is cheap.
"""
