"""Output formats: JSON payloads (the documented contract) and terminal text."""
