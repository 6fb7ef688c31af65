"""Swedish language helpers shared by every stage: `slugs` (folding, Swedish sort keys), `lemmas`, `rx` (regex guards), `search` (index queries) and `calendar` (month names)."""
