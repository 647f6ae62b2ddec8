"""The counter: new requests, receipt slips, status questions and questions answered on the spot."""
