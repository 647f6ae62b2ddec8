"""Text folding for lookups: case and accents ignored ("José Núñez" matches "jose nunez")."""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str | None) -> str | None:
    """Lower case without accents, trimmed; None for blank input."""
    if not text or not text.strip():
        return None
    decomposed = unicodedata.normalize("NFKD", text.strip().lower().translate(_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
